// A mentor's review of the submitted version, and a coordinator's approval on the mentors' behalf.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, type FieldLike, Radios, Textarea } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { OnceOnly } from "~/components/OnceOnly";

const DECISIONS = { approved: "Approve it", changes_requested: "Ask for changes" } as const;

type Fields = Record<"decision" | "comment" | "reason", FieldLike>;

/** A section with its heading and one form, which posts its intent and the version of the statement it decides on. */
function DecisionSection({
  id,
  heading,
  intent,
  version,
  children,
}: {
  id: string;
  heading: ReactNode;
  intent: string;
  version: number | null;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version ?? ""} />
        <OnceOnly />
        {children}
      </Form>
    </section>
  );
}

export function ReviewForm({ version, fields }: { version: number | null; fields: Fields }) {
  return (
    <DecisionSection
      id="review-heading"
      heading={<>Your review of version {version}</>}
      intent="review"
      version={version}
    >
      <Radios
        field={fields.decision}
        legend="Do you approve this problem statement?"
        legendSize="s"
        items={labelItems(DECISIONS)}
      />
      <Textarea
        field={fields.comment}
        label="Comment for the team"
        labelClassName="govuk-label--s"
        hint="Required when you ask for changes"
        rows={4}
      />
      <Button>Send review</Button>
    </DecisionSection>
  );
}

export function ApproveOnBehalfForm({ version, fields }: { version: number | null; fields: Fields }) {
  return (
    <DecisionSection
      id="on-behalf-heading"
      heading="Approve on the mentors' behalf"
      intent="approve-on-behalf"
      version={version}
    >
      <Textarea
        field={fields.reason}
        label="Why are you approving instead of the mentors?"
        labelClassName="govuk-label--s"
        hint="For example, a mentor is away. This is recorded with the approval."
        rows={3}
      />
      <Button variant="secondary">Approve on their behalf</Button>
    </DecisionSection>
  );
}
