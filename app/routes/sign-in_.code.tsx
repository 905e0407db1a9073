// The second step of signing in: a code from the authenticator app, or a recovery code instead. Without the
// pending sign-in's cookie there is nothing to do here: back to the sign-in page.
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
import { clientAddress } from "~/auth/guards.server";
import { finishSecondStep, forgetPendingSignIn, requirePendingSignIn } from "~/auth/second-factor.server";
import { run } from "~/commands/runner.server";
import { checkSignInCode } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { CodeInput } from "~/components/SecondFactor";
import { codeSchema } from "~/forms/second-factor";
import { codeRefusal } from "~/forms/second-factor-reply.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data?.cancelled ? "Sign in again" : data?.recovery ? "Enter a recovery code" : "Enter your code",
);
export const ErrorBoundary = RouteErrorBoundary;

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.has("cancelled")) return { cancelled: true, recovery: false };
  await requirePendingSignIn(context, request, "verify");
  return { cancelled: false, recovery: url.searchParams.has("recovery") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignIn(context, request, "verify");
  const recovery = new URL(request.url).searchParams.has("recovery");
  const submission = parseWithZod(await request.formData(), { schema: codeSchema(recovery) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const outcome = await run(
    context.db,
    { personId: pending.personId, address: clientAddress(context) },
    checkSignInCode,
    { personId: pending.personId, pendingId: pending.id, code: submission.value.code },
  );
  if (!outcome.ok) throw new Response("The code could not be checked", { status: 500 });
  const { result } = outcome;
  if (result.status === "accepted") return finishSecondStep(context, request, pending);
  if (result.status !== "wait" && result.cancelled)
    return redirect(paths.signInCancelled(), { headers: { "Set-Cookie": await forgetPendingSignIn() } });
  return codeRefusal(submission, result, "code");
}

export default function SignInCode() {
  const { cancelled, recovery } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<ReturnType<typeof codeSchema>>>({
    lastResult: useActionData<typeof action>(),
    shouldRevalidate: "onBlur",
  });
  if (cancelled) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Sign in again</h1>
          <p className="govuk-body">
            You entered a wrong code too many times, so this sign-in was stopped. Sign in again with your
            email address and password to get a new chance.
          </p>
          <Button href={paths.signIn()}>Sign in again</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">
          {recovery ? "Enter a recovery code" : "Enter the code from your authenticator app"}
        </h1>
        <Form method="post" action={paths.signInCode(recovery)} {...formProps(form)}>
          <CodeInput field={fields.code} recovery={recovery} />
          <Button>Continue</Button>
        </Form>
        {recovery ? (
          <LinkParagraph to={paths.signInCode()}>
            Use a code from your authenticator app instead
          </LinkParagraph>
        ) : (
          <LinkParagraph to={paths.signInCode(true)}>Use a recovery code instead</LinkParagraph>
        )}
        <p className="govuk-body">
          If you have lost your phone and your recovery codes, ask the Tandem administrator to reset your
          two-step verification.
        </p>
      </div>
    </div>
  );
}
