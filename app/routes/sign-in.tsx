import { type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { clientAddress } from "~/auth/guards.server";
import { verifyPassword } from "~/auth/passwords.server";
import { continueAfterPassword } from "~/auth/second-factor.server";
import { getSessionUser, safeRedirectPath } from "~/auth/session.server";
import { signInAllowed, waitMessage } from "~/auth/sign-in-throttle.server";
import { failSignIn, signIn } from "~/commands/accounts.server";
import { run } from "~/commands/runner.server";
import { PasswordInput, SignInEmailInput } from "~/components/AccountFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button, NotificationBanner } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PasskeySignIn } from "~/components/PasskeySignIn";
import { SignInSchema } from "~/forms/account";
import { findAccountByEmail } from "~/models/account.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Sign in");
export const ErrorBoundary = RouteErrorBoundary;

/** A slowed attempt says when to try again (Retry-After), for people and for well-behaved clients. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

const WRONG = "The email address or password is not right. Check them and try again.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSessionUser(context, request)) throw redirect(paths.home());
  return null;
}

type Submission = {
  reply(options: {
    fieldErrors?: Record<string, string[]>;
    hideFields: string[];
  }): SubmissionResult<string[]>;
};

/** The form again, with the email kept and the password never sent back. */
function answer(submission: Submission, status: number, emailError?: string, headers?: HeadersInit) {
  const fieldErrors = emailError ? { email: [emailError] } : undefined;
  return data(submission.reply({ fieldErrors, hideFields: ["password"] }), { status, headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== "success") return answer(submission, 400);
  const { email, password, redirectTo } = submission.value;
  const address = clientAddress(context);
  // The same answer whether or not the email exists: the throttle counts attempts for any email.
  const throttle = await signInAllowed(context.db, { email, address });
  if (!throttle.allowed) {
    return answer(submission, 429, waitMessage(throttle.retryAfterSeconds), {
      "Retry-After": String(throttle.retryAfterSeconds),
    });
  }
  const account = await findAccountByEmail(context.db, email);
  const valid = await verifyPassword(account?.password_hash ?? null, password);
  const actor = { personId: account?.id ?? null, address };
  if (!account || !valid) {
    await run(context.db, actor, failSignIn, { email, address, personId: account?.id ?? null });
    return answer(submission, 400, WRONG);
  }
  await run(context.db, actor, signIn, { personId: account.id, email, address });
  return continueAfterPassword(context, account.id, safeRedirectPath(redirectTo));
}

export default function SignIn() {
  const [form, fields] = useForm<z.input<typeof SignInSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get("passwordSet") ? (
          <NotificationBanner type="success" title="Success">
            Your password is set. Sign in with it now.
          </NotificationBanner>
        ) : null}
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Sign in to Tandem</h1>
        <Form method="post" {...formProps(form)}>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? paths.home()} />
          <SignInEmailInput field={fields.email} />
          <PasswordInput field={fields.password} label="Password" autoComplete="current-password" />
          <Button>Sign in</Button>
        </Form>
        <LinkParagraph to={paths.forgottenPassword()}>I have forgotten my password</LinkParagraph>
        <PasskeySignIn redirectTo={params.get("redirectTo") ?? paths.home()} />
      </div>
    </div>
  );
}
