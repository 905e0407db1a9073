// Step-up: before a dangerous action, the signed-in person confirms it is them with a code (requireRecentVerification
// in app/auth/guards.server.ts sends them here), then goes back to where they were.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, requireUser } from "~/auth/guards.server";
import { startEnrolmentWhileSignedIn } from "~/auth/second-factor.server";
import { safeRedirectPath } from "~/auth/session.server";
import { run } from "~/commands/runner.server";
import { confirmItIsYou } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { PasskeyConfirm } from "~/components/PasskeyConfirm";
import { CodeInput } from "~/components/SecondFactor";
import { ConfirmSchema } from "~/forms/second-factor";
import { codeRefusal } from "~/forms/second-factor-reply.server";
import { countPasskeys } from "~/models/passkey.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Confirm it is you");
export const ErrorBoundary = RouteErrorBoundary;

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/** Where to go afterwards: a path on Tandem only, else the home page. */
function target(request: Request): string {
  return safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const [factor, passkeys] = await Promise.all([
    getSecondFactor(context.db, user.personId),
    countPasskeys(context.db, user.personId),
  ]);
  return { hasAuthenticator: Boolean(factor), hasPasskeys: passkeys > 0, redirectTo: target(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const redirectTo = target(request);
  const formData = await request.formData();
  // No authenticator yet: set one up; setting it up confirms it is them, so it goes on to the page that asked.
  if (formData.get("intent") === "set-up")
    return startEnrolmentWhileSignedIn(context, user.personId, redirectTo);
  const submission = parseWithZod(formData, { schema: ConfirmSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const outcome = await run(context.db, actorOf(context, user), confirmItIsYou, {
    personId: user.personId,
    sessionId: user.sessionId,
    code: submission.value.code,
  });
  if (!outcome.ok) throw new Response("The code could not be checked", { status: 500 });
  const { result } = outcome;
  if (result.status === "accepted") return redirect(redirectTo);
  return codeRefusal(submission, result, "code");
}

export default function ConfirmItIsYou() {
  const { hasAuthenticator, hasPasskeys, redirectTo } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof ConfirmSchema>>({
    lastResult: useActionData<typeof action>(),
    shouldRevalidate: "onBlur",
  });
  const here = paths.confirmItIsYou(redirectTo);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Confirm it is you</h1>
        <p className="govuk-body">
          What you are about to do needs extra care, so Tandem asks you to confirm it is you. You will not be
          asked again for 10 minutes.
        </p>
        {hasPasskeys ? (
          <>
            <h2 className="govuk-heading-m">Use a passkey</h2>
            <PasskeyConfirm redirectTo={redirectTo} hasPasskeys={hasPasskeys} />
          </>
        ) : null}
        {hasAuthenticator ? (
          <>
            <h2 className="govuk-heading-m">
              {hasPasskeys
                ? "Or enter the code from your authenticator app"
                : "Enter the code from your authenticator app"}
            </h2>
            <Form method="post" action={here} {...formProps(form)}>
              <CodeInput field={fields.code} />
              <Button>Continue</Button>
            </Form>
            <p className="govuk-body">
              No phone with you? Enter one of your recovery codes in the box instead.
            </p>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">
              {hasPasskeys ? "Or set up two-step verification" : "Set up two-step verification first"}
            </h2>
            <p className="govuk-body">
              You have not set up two-step verification, so Tandem cannot ask you for a code. Set it up now
              with an authenticator app on your phone: it takes a minute, and then you carry on where you
              were.
            </p>
            <Form method="post" action={here}>
              <input type="hidden" name="intent" value="set-up" />
              <Button>Set up two-step verification</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
