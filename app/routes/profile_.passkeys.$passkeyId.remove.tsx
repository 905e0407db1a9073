// Removing one of your passkeys, after a confirmation (a plain form: it works without JavaScript).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { actorOf, notFound, recordOr404, requireUser } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { removePasskey } from "~/commands/passkeys.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, ButtonGroup } from "~/components/govuk";
import { getPasskeyOf } from "~/models/passkey.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Remove a passkey");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const passkey = await recordOr404(
    context,
    (db, id) => getPasskeyOf(db, user.personId, id),
    params.passkeyId,
    "Passkey",
  );
  return { passkey: { id: passkey.id, name: passkey.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const passkey = await recordOr404(
    context,
    (db, id) => getPasskeyOf(db, user.personId, id),
    params.passkeyId,
    "Passkey",
  );
  const outcome = await run(context.db, actorOf(context, user), removePasskey, {
    personId: user.personId,
    passkeyId: passkey.id,
  });
  // Removed meanwhile (another tab): there is nothing left to remove.
  if (!outcome.ok) notFound("Passkey");
  return redirectWithBanner(
    context,
    request,
    paths.passkeys(),
    `Passkey ${outcome.name} removed. You cannot sign in to Tandem with it any more.`,
  );
}

export default function RemovePasskey() {
  const { passkey } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.passkeys()}>Back to your passkeys</BackLink>
        <h1 className="govuk-heading-l">Remove the passkey {passkey.name}?</h1>
        <p className="govuk-body">
          You will not be able to sign in to Tandem with it any more. You can also delete it from your device
          or password manager.
        </p>
        <Form method="post">
          <ButtonGroup>
            <Button variant="warning">Remove passkey</Button>
            <a className="govuk-link" href={paths.passkeys()}>
              Cancel
            </a>
          </ButtonGroup>
        </Form>
      </div>
    </div>
  );
}
