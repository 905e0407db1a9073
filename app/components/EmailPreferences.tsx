// The profile's email choices: which kinds of email the person gets, one box each; essential mail is always sent.
import { Form } from "@remix-run/react";
import { Button, Checkboxes } from "~/components/govuk";

export type EmailChoice = { kind: string; label: string; on: boolean };

export function EmailPreferences({ choices }: { choices: EmailChoice[] }) {
  return (
    <section aria-labelledby="emails">
      <h2 className="govuk-heading-m" id="emails">
        Your emails
      </h2>
      <p className="govuk-body">
        Tandem emails you when something you need to know about happens in your cohort. Invitations and
        password resets are always sent; you can turn the others off here, or with the link at the foot of
        each email.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="email-preferences" />
        <Checkboxes
          name="wanted"
          legend="Emails you get"
          legendSize="s"
          hint="Untick the emails you do not want."
          small
          items={choices.map((c) => ({ value: c.kind, text: c.label }))}
          defaultValues={choices.filter((c) => c.on).map((c) => c.kind)}
        />
        <Button variant="secondary">Save your email choices</Button>
      </Form>
    </section>
  );
}
