// The frame of a page that is one form: the way back, the form's error summary, and the heading with what the
// page belongs to (a cohort, a team, a visit) as its caption; the form and its prose follow in the two-thirds column.
import type { ReactNode } from "react";
import { FormErrorSummary } from "./FormErrorSummary";
import { BackLink } from "./govuk";
import { PageHeading } from "./PageHeading";

type Props = {
  back: { href: string; text: ReactNode };
  /** The Conform form whose errors the summary lists, and the ids its links point at (see FormErrorSummary). */
  form: Parameters<typeof FormErrorSummary>[0]["form"];
  errorIds?: Record<string, string>;
  caption: ReactNode;
  heading: ReactNode;
  children: ReactNode;
};

export function FormPage({ back, form, errorIds, caption, heading, children }: Props) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back.href}>{back.text}</BackLink>
        <FormErrorSummary form={form} ids={errorIds} />
        <PageHeading caption={caption}>{heading}</PageHeading>
        {children}
      </div>
    </div>
  );
}
