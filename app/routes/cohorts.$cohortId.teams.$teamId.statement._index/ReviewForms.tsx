// A mentor's review of the submitted version, and a coordinator's approval on the mentors' behalf.
import { Form } from "@remix-run/react";
import { Button, type FieldLike, Radios, Textarea } from "~/components/govuk";
import { labelItems } from "~/components/items";

const DECISIONS = { approved: "Approve it", changes_requested: "Ask for changes" } as const;

type Fields = Record<"decision" | "comment" | "reason", FieldLike>;

export function ReviewForm({ version, fields }: { version: number | null; fields: Fields }) {
  return (
    <section aria-labelledby="review-heading">
      <h2 className="govuk-heading-m" id="review-heading">
        Your review of version {version}
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="version" value={version ?? ""} />
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
      </Form>
    </section>
  );
}

export function ApproveOnBehalfForm({ version, fields }: { version: number | null; fields: Fields }) {
  return (
    <section aria-labelledby="on-behalf-heading">
      <h2 className="govuk-heading-m" id="on-behalf-heading">
        Approve on the mentors' behalf
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="approve-on-behalf" />
        <input type="hidden" name="version" value={version ?? ""} />
        <Textarea
          field={fields.reason}
          label="Why are you approving instead of the mentors?"
          labelClassName="govuk-label--s"
          hint="For example, a mentor is away. This is recorded with the approval."
          rows={3}
        />
        <Button variant="secondary">Approve on their behalf</Button>
      </Form>
    </section>
  );
}
