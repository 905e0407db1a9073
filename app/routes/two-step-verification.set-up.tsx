// Setting up two-step verification: scan the QR code (or type the key) into an authenticator app, then enter the
// code it shows. Reached from signing in (when it is required and not yet set up) or from the profile.
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
import { forgetPendingSignIn, requirePendingSignIn } from "~/auth/second-factor.server";
import { qrCodeSvg, totpUri } from "~/auth/totp.server";
import { run } from "~/commands/runner.server";
import { confirmEnrolment } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { AuthenticatorKey, CodeInput } from "~/components/SecondFactor";
import { groupedKey } from "~/domain/second-factor";
import { codeSchema } from "~/forms/second-factor";
import { codeRefusal } from "~/forms/second-factor-reply.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { openSecret } from "~/utils/secret-box.server";

export const meta = pageMeta("Set up two-step verification");
export const ErrorBoundary = RouteErrorBoundary;

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await requirePendingSignIn(context, request, "enrol");
  // Confirmed already: the recovery codes come next.
  if (!pending.pendingKey) throw redirect(paths.twoStepRecoveryCodes());
  const key = openSecret(pending.pendingKey);
  return {
    qrSvg: await qrCodeSvg(totpUri(key, pending.email)),
    groupedKey: groupedKey(key),
    signedIn: pending.signedIn === 1,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSignIn(context, request, "enrol");
  if (!pending.pendingKey) throw redirect(paths.twoStepRecoveryCodes());
  const submission = parseWithZod(await request.formData(), { schema: codeSchema() });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const outcome = await run(
    context.db,
    { personId: pending.personId, address: clientAddress(context) },
    confirmEnrolment,
    {
      personId: pending.personId,
      pendingId: pending.id,
      sealedKey: pending.pendingKey,
      code: submission.value.code,
    },
  );
  if (!outcome.ok) throw new Response("Two-step verification is set up already", { status: 409 });
  const { result } = outcome;
  if (result.status === "accepted") return redirect(paths.twoStepRecoveryCodes());
  if (result.status !== "wait" && result.cancelled)
    return redirect(pending.signedIn === 1 ? paths.twoStepVerification() : paths.signInCancelled(), {
      headers: { "Set-Cookie": await forgetPendingSignIn() },
    });
  return codeRefusal(submission, result, "code");
}

export default function SetUpTwoStep() {
  const { qrSvg, groupedKey, signedIn } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<ReturnType<typeof codeSchema>>>({
    lastResult: useActionData<typeof action>(),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Set up two-step verification</h1>
        {signedIn ? null : (
          <p className="govuk-body">
            Your role in Tandem means you must use two-step verification: a code from an app on your phone as
            well as your password. You only need to set it up once.
          </p>
        )}
        <ol className="govuk-list govuk-list--number">
          <li>
            Open an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.
          </li>
          <li>Add an account in the app and scan this QR code.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        <AuthenticatorKey qrSvg={qrSvg} groupedKey={groupedKey} />
        <Form method="post" {...formProps(form)}>
          <CodeInput field={fields.code} />
          <Button>Continue</Button>
        </Form>
      </div>
    </div>
  );
}
