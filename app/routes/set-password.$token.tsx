import {
  type ActionFunctionArgs,
  type AppLoadContext,
  data,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress } from "~/auth/guards.server";
import { MIN_PASSWORD_LENGTH } from "~/auth/password-rules";
import { hashPassword, passwordProblem } from "~/auth/passwords.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { Button, Input } from "~/components/govuk";
import { parseForm } from "~/forms/parse";
import { checkOneTimeLink, redeemOneTimeLink } from "~/models/account.server";
import { recordAudit } from "~/models/audit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data?.link.state === "valid" ? "Set your password" : "This link cannot be used",
);
export const ErrorBoundary = RouteErrorBoundary;

async function linkFor(context: AppLoadContext, token: string | undefined) {
  const link = await checkOneTimeLink(context.db, token ?? "");
  return link;
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await linkFor(context, params.token);
  if (link.state !== "valid") return { link: { state: link.state } as const };
  return { link: { state: "valid" as const, name: link.name, email: link.email, purpose: link.purpose } };
}

const PasswordSchema = z
  .object({
    password: z.string(),
    confirm: z.string(),
  })
  .superRefine((value, ctx) => {
    if (value.confirm.length === 0)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "Enter your new password again" });
    else if (value.password !== value.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "The passwords do not match" });
  });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = await linkFor(context, params.token);
  if (link.state !== "valid")
    return data({ errors: { password: "This link can no longer be used" } }, { status: 410 });
  const form = parseForm(await request.formData(), PasswordSchema);
  const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
  const problem = passwordProblem(String(form.values.password ?? ""), link.email);
  if (problem) errors.password = problem;
  if (!form.ok || problem) {
    const ordered = Object.fromEntries(
      ["password", "confirm"].filter((k) => errors[k]).map((k) => [k, errors[k]!]),
    );
    return data({ errors: ordered }, { status: 400 });
  }
  const redeemed = await redeemOneTimeLink(
    context.db,
    link.linkId,
    link.personId,
    await hashPassword(form.data.password),
  );
  if (!redeemed)
    return data(
      { errors: { password: "This link has just been used. Ask for a new one." } },
      { status: 410 },
    );
  await recordAudit(context.db, {
    actorId: link.personId,
    action: link.purpose === "invite" ? "invitation.accepted" : "password.reset",
    subjectType: "person",
    subjectId: link.personId,
    address: clientAddress(context),
  });
  throw redirect("/sign-in?passwordSet=1");
}

const UNUSABLE: Record<string, string> = {
  expired: "This link has expired. Links to set a password work for 7 days.",
  used: "This link has already been used. Each link works once.",
  unknown: "This link is not right. Check you copied the whole link from the message you were sent.",
};

export default function SetPassword() {
  const { link } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  if (link.state !== "valid") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link cannot be used</h1>
          <p className="govuk-body">{UNUSABLE[link.state]}</p>
          <p className="govuk-body">Ask your cohort coordinator to send you a new link.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              Go to sign in
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          {link.purpose === "invite" ? `Welcome to Tandem, ${link.name}` : "Set a new password"}
        </h1>
        <p className="govuk-body">
          You will sign in with <strong>{link.email}</strong> and the password you choose here.
        </p>
        <Form method="post" noValidate>
          <Input
            id="password"
            name="password"
            type="password"
            label="Create a password"
            hint={`Use ${MIN_PASSWORD_LENGTH} characters or more. A few unrelated words make a strong password that is easy to remember.`}
            autoComplete="new-password"
            error={errors?.password}
          />
          <Input
            id="confirm"
            name="confirm"
            type="password"
            label="Confirm your password"
            autoComplete="new-password"
            error={errors?.confirm}
          />
          <Button>Set password</Button>
        </Form>
      </div>
    </div>
  );
}
