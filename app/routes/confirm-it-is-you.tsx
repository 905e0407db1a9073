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
import { sessionSsoProvider, ssoFormActionHeaders } from "~/auth/sso.server";
import { run } from "~/commands/runner.server";
import { confirmItIsYou } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { PasskeyConfirm } from "~/components/PasskeyConfirm";
import { CodeInput } from "~/components/SecondFactor";
import { SsoConfirm } from "~/components/SsoConfirm";
import { ConfirmSchema } from "~/forms/second-factor";
import { codeRefusal } from "~/forms/second-factor-reply.server";
import { countPasskeys } from "~/models/passkey.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { FORM_ACTION_HEADER } from "~/utils/form-action";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Confirm it is you");
export const ErrorBoundary = RouteErrorBoundary;

/** Retry-After when codes are slowed; the provider's origin in the form-action policy when it is offered. */
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  const origin = loaderHeaders.get(FORM_ACTION_HEADER);
  if (origin) headers.set(FORM_ACTION_HEADER, origin);
  return headers;
};

/** Where to go afterwards: a path on Tandem only, else the home page. */
function target(request: Request): string {
  return safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const [factor, passkeys, provider] = await Promise.all([
    getSecondFactor(context.db, user.personId),
    countPasskeys(context.db, user.personId),
    // A session that came from single sign-on confirms at the provider, which signs the person in again.
    sessionSsoProvider(context, user),
  ]);
  return data(
    {
      hasAuthenticator: Boolean(factor),
      hasPasskeys: passkeys > 0,
      provider,
      redirectTo: target(request),
    },
    { headers: await ssoFormActionHeaders(context, provider) },
  );
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
  const { hasAuthenticator, hasPasskeys, provider, redirectTo } = useLoaderData<typeof loader>();
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
        {provider ? (
          <>
            <h2 className="govuk-heading-m">Sign in at {provider.name} again</h2>
            <p className="govuk-body">
              You signed in to Tandem with {provider.name}. Sign in there again, and you come back here.
            </p>
            <SsoConfirm providerId={provider.id} providerName={provider.name} redirectTo={redirectTo} />
          </>
        ) : null}
        {hasPasskeys ? (
          <>
            <h2 className="govuk-heading-m">{provider ? "Or use a passkey" : "Use a passkey"}</h2>
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
        ) : provider ? null : (
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
