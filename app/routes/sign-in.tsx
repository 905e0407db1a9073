// Signing in, email first: the email's domain decides the way. A domain whose organisation has an identity provider
// signs in there ("Sign in with <provider>"); any other email goes on to Tandem's password. A single post of
// email and password (a password manager, the tests' signIn) still signs a password account straight in.
import { type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { clientAddress } from "~/auth/guards.server";
import { verifyPassword } from "~/auth/passwords.server";
import { continueAfterPassword } from "~/auth/second-factor.server";
import { getSessionUser, safeRedirectPath } from "~/auth/session.server";
import { signInAllowed, waitMessage } from "~/auth/sign-in-throttle.server";
import { type SsoProvider, ssoFormActionHeaders, ssoProviderForEmail } from "~/auth/sso.server";
import { failSignIn, signIn } from "~/commands/accounts.server";
import { run } from "~/commands/runner.server";
import { PasswordInput, SignInEmailInput } from "~/components/AccountFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button, NotificationBanner } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PasskeySignIn } from "~/components/PasskeySignIn";
import { SsoSignInForm } from "~/components/SsoSignInForm";
import { emailDomain } from "~/domain/sso";
import { SignInEmailSchema, SignInSchema } from "~/forms/account";
import { findAccountByEmail } from "~/models/account.server";
import { FORM_ACTION_HEADER } from "~/utils/form-action";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Sign in");
export const ErrorBoundary = RouteErrorBoundary;

/**
 * A slowed attempt says when to try again (Retry-After); a page offering a provider lets its form lead there
 * (the form-action policy, see app/utils/form-action.ts).
 */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  for (const name of ["Retry-After", FORM_ACTION_HEADER]) {
    const value = actionHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

const WRONG = "The email address or password is not right. Check them and try again.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSessionUser(context, request)) throw redirect(paths.home());
  return null;
}

/**
 * Which step the page shows: the email alone; the password for an email already given (with a way to change it);
 * both boxes again after a refused password; or the button of the email's identity provider.
 */
type View =
  | { step: "email" }
  | { step: "password"; email: string }
  | { step: "both"; email: string | null }
  | { step: "provider"; email: string; provider: SsoProvider };

type Submission = {
  payload: Record<string, unknown>;
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  }): SubmissionResult<string[]>;
};

/** The page again at `view`, with the email kept and the password never sent back. */
function answer(
  view: View,
  submission: Submission,
  status: number,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {},
  headers?: HeadersInit,
) {
  const redirectTo = submission.payload.redirectTo;
  return data(
    {
      view,
      redirectTo: typeof redirectTo === "string" ? safeRedirectPath(redirectTo) : null,
      result: submission.reply({ ...errors, hideFields: ["password"] }),
    },
    { status, headers },
  );
}

/** The provider's button, for a domain whose organisation signs its people in. */
async function offerProvider(
  context: ActionFunctionArgs["context"],
  submission: Submission,
  email: string,
  provider: SsoProvider,
  refusedPassword: boolean,
) {
  const view = { step: "provider", email, provider } as const;
  const headers = await ssoFormActionHeaders(context, provider);
  if (!refusedPassword) return answer(view, submission, 200, {}, headers);
  const message = `Your organisation signs you in to Tandem with ${provider.name}, so Tandem's own password is not used for @${emailDomain(email)} addresses. Use the "Sign in with ${provider.name}" button.`;
  return answer(view, submission, 400, { formErrors: [message] }, headers);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("step") === "email") {
    const submission = parseWithZod(formData, { schema: SignInEmailSchema });
    if (submission.status !== "success") return answer({ step: "email" }, submission, 400);
    const { email } = submission.value;
    const provider = await ssoProviderForEmail(context, email);
    if (provider) return offerProvider(context, submission, email, provider, false);
    // Unknown emails go on to the password too: the page never says whether an email has an account.
    return answer({ step: "password", email }, submission, 200);
  }
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    const typed = submission.payload.email;
    return answer({ step: "both", email: typeof typed === "string" ? typed : null }, submission, 400);
  }
  const { email, password, redirectTo } = submission.value;
  // The organisation's provider decides who of its people may sign in: Tandem's password is not checked for them.
  const provider = await ssoProviderForEmail(context, email);
  if (provider) return offerProvider(context, submission, email, provider, true);
  const address = clientAddress(context);
  // The same answer whether or not the email exists: the throttle counts attempts for any email.
  const throttle = await signInAllowed(context.db, { email, address });
  if (!throttle.allowed) {
    return answer(
      { step: "both", email },
      submission,
      429,
      { fieldErrors: { email: [waitMessage(throttle.retryAfterSeconds)] } },
      { "Retry-After": String(throttle.retryAfterSeconds) },
    );
  }
  const account = await findAccountByEmail(context.db, email);
  const valid = await verifyPassword(account?.password_hash ?? null, password);
  const actor = { personId: account?.id ?? null, address };
  if (!account || !valid) {
    await run(context.db, actor, failSignIn, { email, address, personId: account?.id ?? null });
    return answer({ step: "both", email }, submission, 400, { fieldErrors: { email: [WRONG] } });
  }
  await run(context.db, actor, signIn, { personId: account.id, email, address });
  // The one place a password signs someone in: with a second step when they use (or must use) a code.
  return continueAfterPassword(context, account.id, safeRedirectPath(redirectTo));
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const view: View = actionData?.view ?? { step: "email" };
  const [form, fields] = useForm<{ email: string; password: string }>({ lastResult: actionData?.result });
  const [params] = useSearchParams();
  const redirectTo = actionData?.redirectTo ?? params.get("redirectTo") ?? paths.home();
  const startAgain = paths.signIn(redirectTo === paths.home() ? undefined : redirectTo);
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
        {view.step === "provider" ? (
          <>
            <p className="govuk-body">
              Your organisation signs you in to Tandem with {view.provider.name}. You will sign in there as{" "}
              <strong>{view.email}</strong>, then come back here.
            </p>
            <SsoSignInForm
              provider={view.provider}
              purpose="sign-in"
              email={view.email}
              redirectTo={redirectTo}
            />
            <p className="govuk-body">
              <Link className="govuk-link" to={startAgain}>
                Use a different email address
              </Link>
            </p>
          </>
        ) : view.step === "email" ? (
          <>
            <Form method="post" {...formProps(form)} key="email">
              <input type="hidden" name="step" value="email" />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <SignInEmailInput field={fields.email} />
              <Button>Continue</Button>
            </Form>
            <PasskeySignIn redirectTo={redirectTo} />
          </>
        ) : (
          // Keyed by the step, so each step's boxes are drawn afresh from what the server answered.
          <Form method="post" {...formProps(form)} key={view.step}>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            {view.step === "password" ? (
              <>
                <input type="hidden" name="email" value={view.email} />
                <p className="govuk-body">
                  Signing in as <strong>{view.email}</strong>{" "}
                  <Link className="govuk-link" to={startAgain}>
                    Change<span className="govuk-visually-hidden"> email address</span>
                  </Link>
                </p>
              </>
            ) : (
              <SignInEmailInput field={fields.email} defaultValue={view.email ?? undefined} />
            )}
            <PasswordInput field={fields.password} label="Password" autoComplete="current-password" />
            <Button>Sign in</Button>
          </Form>
        )}
        {view.step === "provider" ? null : (
          <LinkParagraph to={paths.forgottenPassword()}>I have forgotten my password</LinkParagraph>
        )}
      </div>
    </div>
  );
}
