import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { clientAddress } from "~/auth/guards.server";
import { requestPasswordReset } from "~/commands/invitations.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { SignInEmailInput } from "~/components/AccountFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { OnceOnly } from "~/components/OnceOnly";
import { ForgottenPasswordSchema } from "~/forms/forgotten-password";
import { onceKey } from "~/forms/once";
import { invalidForm } from "~/forms/reply.server";
import { MAX_RESETS_PER_EMAIL } from "~/models/password-reset.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data?.sent ? "Check your email" : "If you have forgotten your password",
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.has("sent"), perHour: MAX_RESETS_PER_EMAIL };
}

/**
 * Whether or not the address has an account, and whether or not the rate limit let the request through, the answer
 * is the same page: it tells nobody who has an account. Nobody is signed in, so Tandem acts, from the client's
 * address.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ForgottenPasswordSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const address = clientAddress(context);
  // The form carries a one-time key: sent twice (a double click, a retried request), it sends one link, not two
  // (each new link stops the one before from working).
  await run(
    context.db,
    { ...SYSTEM, address },
    requestPasswordReset,
    { email: submission.value.email, address },
    { once: onceKey(formData) },
  );
  throw redirect(paths.forgottenPassword(true));
}

function CheckYourEmail({ perHour }: { perHour: number }) {
  return (
    <>
      <h1 className="govuk-heading-l">Check your email</h1>
      <p className="govuk-body">
        If there is an account for that address, we have sent a link to reset its password. The link works
        once, for an hour.
      </p>
      <p className="govuk-body">
        If no email arrives within a few minutes, check your spam or junk folder. You can{" "}
        <Link className="govuk-link" to={paths.forgottenPassword()}>
          ask for another link
        </Link>{" "}
        (up to {perHour} an hour), or ask your cohort coordinator to create one for you.
      </p>
    </>
  );
}

function AskForLink() {
  const [form, fields] = useForm<z.input<typeof ForgottenPasswordSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  return (
    <>
      <FormErrorSummary form={form} />
      <h1 className="govuk-heading-l">If you have forgotten your password</h1>
      <p className="govuk-body">
        Enter the email address you use for Tandem. If there is an account for it, we will email it a link to
        choose a new password.
      </p>
      <Form method="post" {...formProps(form)}>
        <OnceOnly />
        <SignInEmailInput field={fields.email} />
        <Button>Send me a link</Button>
      </Form>
      <p className="govuk-body">
        If you no longer use that email address, ask your cohort coordinator for a new sign-in link. If you
        are a coordinator, ask a system administrator.
      </p>
    </>
  );
}

export default function ForgottenPassword() {
  const { sent, perHour } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {sent ? <CheckYourEmail perHour={perHour} /> : <AskForLink />}
        <LinkParagraph to={paths.signIn()}>Back to sign in</LinkParagraph>
      </div>
    </div>
  );
}
