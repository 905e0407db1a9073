// The foot of a page that asks before changing published teams (regenerate, pair mentors again, restore a version):
// either why the proposal can no longer be made, with the way back, or the form that asks for the reason and makes the
// change, with Cancel. The form posts to the page's own address, query included (the proposal it shows may be there).
import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { formProps } from "./form-props";
import { Button, InsetText, Textarea, WarningText } from "./govuk";
import type { FieldLike } from "./govuk/utils";

type Props = {
  form: Parameters<typeof formProps>[0];
  /** The reason field, recorded with the change. */
  reason: FieldLike;
  reasonLabel: string;
  reasonHint: string;
  /** The change's button, a warning button. */
  button: string;
  /** Where Cancel (and the way back from a stale proposal) goes. */
  back: { href: string; text: string };
  /** Why the proposal can no longer be made, or null. */
  stale?: string | null;
  /** What happens to the teams as they are now (by default: kept as a version that can be restored). */
  kept?: string;
  /** The form's hidden inputs (the version, the proposal shown). */
  children: ReactNode;
};

export function ConfirmTeamsChange({
  form,
  reason,
  reasonLabel,
  reasonHint,
  button,
  back,
  stale,
  kept = "The teams as they are now are kept under “Previous versions of the teams” on the teams page, where you can restore them.",
  children,
}: Props) {
  const location = useLocation();
  if (stale)
    return (
      <>
        <WarningText>{stale}</WarningText>
        <p className="govuk-body">
          <Link className="govuk-link" to={back.href}>
            {back.text}
          </Link>
        </p>
      </>
    );
  return (
    <>
      <InsetText>{kept}</InsetText>
      <Form
        method="post"
        action={`${location.pathname}${location.search}`}
        {...formProps(form)}
        key={form.id}
      >
        {children}
        <Textarea field={reason} label={reasonLabel} hint={reasonHint} rows={3} />
        <div className="govuk-button-group">
          <Button variant="warning">{button}</Button>
          <Link className="govuk-link" to={back.href}>
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
