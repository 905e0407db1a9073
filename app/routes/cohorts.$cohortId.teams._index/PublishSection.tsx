// Publish the teams, so participants and mentors see their team; once published, say so.
import { Form } from "@remix-run/react";
import { Button, InsetText, WarningText } from "~/components/govuk";

export function PublishSection({
  published,
  version,
  refusal,
}: {
  published: boolean;
  version: number;
  refusal: string | undefined;
}) {
  return (
    <>
      <h2 className="govuk-heading-m" id="publish" tabIndex={-1}>
        Publish
      </h2>
      {refusal ? <WarningText>{refusal}</WarningText> : null}
      {published ? (
        <InsetText>The teams are published. Changes you make now are shown to the people affected.</InsetText>
      ) : (
        <Form method="post">
          <input type="hidden" name="version" value={version} />
          <Button name="intent" value="publish">
            Publish teams
          </Button>
        </Form>
      )}
    </>
  );
}
