// The recovery codes, shown once, straight after setting up two-step verification; then the sign-in goes on.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { clientAddress } from "~/auth/guards.server";
import { finishSecondStep, requirePendingSignIn } from "~/auth/second-factor.server";
import { run } from "~/commands/runner.server";
import { finishEnrolment } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, InsetText } from "~/components/govuk";
import { RecoveryCodes } from "~/components/SecondFactor";
import { takePendingReveal } from "~/models/second-factor.server";
import { pageMeta } from "~/utils/meta";
import { openSecret } from "~/utils/secret-box.server";

export const meta = pageMeta("Save your recovery codes");
export const ErrorBoundary = RouteErrorBoundary;

async function confirmedPending(context: LoaderFunctionArgs["context"], request: Request) {
  const pending = await requirePendingSignIn(context, request, "enrol");
  // Not confirmed with a code yet: nothing to show, and no way on.
  if (pending.pendingKey) throw new Response("Set up two-step verification first", { status: 409 });
  return pending;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await confirmedPending(context, request);
  const sealed = await takePendingReveal(context.db, pending.id);
  return { codes: sealed ? (JSON.parse(openSecret(sealed)) as string[]) : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await confirmedPending(context, request);
  await run(context.db, { personId: pending.personId, address: clientAddress(context) }, finishEnrolment, {
    pendingId: pending.id,
  });
  return finishSecondStep(context, request, pending);
}

export default function SaveRecoveryCodes() {
  const { codes } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Save your recovery codes</h1>
        <p className="govuk-body">Two-step verification is set up.</p>
        {codes ? (
          <RecoveryCodes codes={codes} />
        ) : (
          <InsetText>
            Your recovery codes were shown once already. If you did not save them, make new ones from your
            profile.
          </InsetText>
        )}
        <Form method="post">
          <Button>I have saved these codes</Button>
        </Form>
      </div>
    </div>
  );
}
