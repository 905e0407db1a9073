import { type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { actorOf } from "~/auth/guards.server";
import { hashPassword, passwordProblem } from "~/auth/passwords.server";
import { ssoFormActionHeaders, ssoProviderForEmail } from "~/auth/sso.server";
import { setPassword } from "~/commands/accounts.server";
import { run } from "~/commands/runner.server";
import { PasswordInput } from "~/components/AccountFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { SsoSignInForm } from "~/components/SsoSignInForm";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-rules";
import { setPasswordSchema } from "~/forms/account";
import { checkOneTimeLink } from "~/models/account.server";
import { FORM_ACTION_HEADER } from "~/utils/form-action";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data?.link.state !== "valid"
    ? "This link cannot be used"
    : data.provider
      ? "Accept your invitation"
      : "Set your password",
);
export const ErrorBoundary = RouteErrorBoundary;

/** An invitation accepted through the organisation's provider leads there (the form-action policy). */
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const origin = loaderHeaders.get(FORM_ACTION_HEADER);
  return origin ? { [FORM_ACTION_HEADER]: origin } : new Headers();
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await checkOneTimeLink(context.db, params.token ?? "");
  if (link.state !== "valid") return { link: { state: link.state } as const, provider: null };
  // A person whose organisation signs them in needs no Tandem password: the invitation is accepted there.
  const provider = await ssoProviderForEmail(context, link.email);
  return data(
    {
      link: { state: "valid" as const, name: link.name, email: link.email, purpose: link.purpose },
      provider,
    },
    { headers: link.purpose === "invite" ? await ssoFormActionHeaders(context, provider) : {} },
  );
}

type Submission = {
  reply(options: {
    fieldErrors?: Record<string, string[]>;
    hideFields: string[];
  }): SubmissionResult<string[]>;
};

/** Passwords are never sent back to the page; a link that cannot be used any more is 410 Gone. */
function answer(submission: Submission, status: number, passwordError?: string) {
  const fieldErrors = passwordError ? { password: [passwordError] } : undefined;
  return data(submission.reply({ fieldErrors, hideFields: ["password", "confirm"] }), { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = await checkOneTimeLink(context.db, params.token ?? "");
  const formData = await request.formData();
  // The rules (and the strength estimate, which costs CPU) are checked only for a link that can be used.
  const schema = setPasswordSchema((password) =>
    link.state === "valid" ? passwordProblem(password, link.email, link.name) : null,
  );
  const submission = parseWithZod(formData, { schema });
  if (link.state !== "valid") return answer(submission, 410, "This link can no longer be used");
  const provider = await ssoProviderForEmail(context, link.email);
  if (provider)
    return answer(
      submission,
      400,
      `Your organisation signs you in to Tandem with ${provider.name}, so you do not need a Tandem password`,
    );
  if (submission.status !== "success") return answer(submission, 400);
  const outcome = await run(context.db, actorOf(context, link), setPassword, {
    linkId: link.linkId,
    personId: link.personId,
    purpose: link.purpose,
    passwordHash: await hashPassword(submission.value.password),
  });
  if (!outcome.ok) return answer(submission, 410, "This link has just been used. Ask for a new one.");
  throw redirect(paths.passwordSet());
}

const UNUSABLE = {
  expired:
    "This link has expired. A link you ask for yourself works for an hour; one your coordinator sends works for 7 days.",
  used: "This link has already been used. Each link works once.",
  unknown: "This link is not right. Check you copied the whole link from the message you were sent.",
} as const;

export default function SetPassword() {
  const { link, provider } = useLoaderData<typeof loader>();
  const { token } = useParams();
  const [form, fields] = useForm<{ password: string; confirm: string }>({
    lastResult: useActionData<typeof action>(),
  });
  if (link.state !== "valid") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link cannot be used</h1>
          <p className="govuk-body">{UNUSABLE[link.state]}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={paths.forgottenPassword()}>
              Ask for a new link
            </Link>{" "}
            if you have set a password before, or ask your cohort coordinator to send you one.
          </p>
          <LinkParagraph to={paths.signIn()}>Go to sign in</LinkParagraph>
        </div>
      </div>
    );
  }
  if (provider) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">
            {link.purpose === "invite" ? `Welcome to Tandem, ${link.name}` : "You do not need a password"}
          </h1>
          <p className="govuk-body">
            Your organisation signs you in to Tandem with {provider.name}, so you do not need a Tandem
            password. You will sign in there as <strong>{link.email}</strong>.
          </p>
          {link.purpose === "invite" ? (
            <SsoSignInForm
              provider={provider}
              purpose="invitation"
              token={token}
              label={`Accept your invitation by signing in with ${provider.name}`}
            />
          ) : (
            <LinkParagraph to={paths.signIn()}>Go to sign in</LinkParagraph>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">
          {link.purpose === "invite" ? `Welcome to Tandem, ${link.name}` : "Set a new password"}
        </h1>
        <p className="govuk-body">
          You will sign in with <strong>{link.email}</strong> and the password you choose here.
        </p>
        <Form method="post" {...formProps(form)}>
          <PasswordInput
            field={fields.password}
            label="Create a password"
            hint={`Use ${MIN_PASSWORD_LENGTH} characters or more. A few unrelated words make a strong password that is easy to remember.`}
            autoComplete="new-password"
          />
          <PasswordInput field={fields.confirm} label="Confirm your password" autoComplete="new-password" />
          <Button>Set password</Button>
        </Form>
      </div>
    </div>
  );
}
