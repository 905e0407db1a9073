import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { clientAddress } from "~/auth/guards.server";
import { verifyPassword } from "~/auth/passwords.server";
import { getSessionUser, safeRedirectPath, startSession } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { Button, Input, NotificationBanner } from "~/components/govuk";
import { fieldValue, parseForm } from "~/forms/parse";
import {
  clearSignInFailures,
  findAccountByEmail,
  isSignInLocked,
  recordSignInFailure,
} from "~/models/account.server";
import { recordAudit } from "~/models/audit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Sign in");
export const ErrorBoundary = RouteErrorBoundary;

const SignInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .email("Enter an email address in the correct format, like name@example.com"),
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

const WRONG = "The email address or password is not right. Check them and try again.";
const LOCKED = "You have tried to sign in too many times. Wait 15 minutes, then try again.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSessionUser(context, request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(await request.formData(), SignInSchema);
  const values = { email: fieldValue(form.values, "email") ?? "" };
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const db = context.db;
  const address = clientAddress(context);
  const { email, password } = form.data;
  // The same answer whether or not the email exists, and locking counts attempts for any email.
  if (await isSignInLocked(db, email, address)) {
    return data({ errors: { email: LOCKED }, values }, { status: 429 });
  }
  const account = await findAccountByEmail(db, email);
  const valid = await verifyPassword(account?.password_hash ?? null, password);
  if (!account || !valid) {
    await recordSignInFailure(db, email, address);
    await recordAudit(db, {
      actorId: account?.id ?? null,
      action: "sign_in.failed",
      subjectType: "person",
      subjectId: account?.id ?? null,
      address,
      details: { email: email.toLowerCase() },
    });
    return data({ errors: { email: WRONG }, values }, { status: 400 });
  }
  await clearSignInFailures(db, email);
  await recordAudit(db, {
    actorId: account.id,
    action: "sign_in",
    subjectType: "person",
    subjectId: account.id,
    address,
  });
  return startSession(context, account.id, safeRedirectPath(form.data.redirectTo));
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get("passwordSet") ? (
          <NotificationBanner type="success" title="Success">
            Your password is set. Sign in with it now.
          </NotificationBanner>
        ) : null}
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in to Tandem</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <Input
            id="email"
            name="email"
            type="email"
            label="Email address"
            autoComplete="email"
            spellCheck={false}
            defaultValue={actionData?.values.email}
            error={errors?.email}
          />
          <Input
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            error={errors?.password}
          />
          <Button>Sign in</Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgotten-password">
            I have forgotten my password
          </Link>
        </p>
      </div>
    </div>
  );
}
