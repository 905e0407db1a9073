// Adding an identity provider: a dangerous action (it decides who may sign in as the people of its domains), so it
// asks for a recent second factor. The issuer's discovery document must be readable before it is saved.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, requireRecentVerification, requireSitePermission } from "~/auth/guards.server";
import { issuerUnreadable, redirectUri } from "~/auth/oidc.server";
import { redirectWithBanner } from "~/auth/session.server";
import { addIdentityProvider } from "~/commands/identity-providers.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { IdentityProviderFields } from "~/components/IdentityProviderFields";
import { AddIdentityProviderSchema } from "~/forms/identity-provider";
import { refused } from "~/forms/reply.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Add an identity provider");
export const ErrorBoundary = RouteErrorBoundary;

async function guard(context: LoaderFunctionArgs["context"], request: Request) {
  const user = await requireSitePermission(context, request, "identity-providers:manage");
  requireRecentVerification(request, user);
  return user;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await guard(context, request);
  return { redirectUri: redirectUri() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await guard(context, request);
  const submission = parseWithZod(await request.formData(), { schema: AddIdentityProviderSchema });
  const hide = { hideFields: ["clientSecret"] };
  if (submission.status !== "success") return data(submission.reply(hide), { status: 400 });
  const unreadable = await issuerUnreadable(submission.value.issuer);
  if (unreadable)
    return data(submission.reply({ ...hide, fieldErrors: { issuer: [unreadable] } }), { status: 400 });
  const outcome = await run(context.db, actorOf(context, user), addIdentityProvider, submission.value);
  if (!outcome.ok) return refused({ reply: (errors) => submission.reply({ ...errors, ...hide }) }, outcome);
  return redirectWithBanner(
    context,
    request,
    paths.identityProviders(),
    `${submission.value.name} added: people of ${submission.value.domains.join(", ")} now sign in with it`,
  );
}

export default function AddIdentityProvider() {
  const { redirectUri } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof AddIdentityProviderSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  return (
    <FormPage
      back={{ href: paths.identityProviders(), text: "Back to identity providers" }}
      form={form}
      caption="Single sign-on"
      heading="Add an identity provider"
    >
      <p className="govuk-body">
        Register Tandem with the provider first, as a confidential web application with this redirect URI:{" "}
        <code className="govuk-!-font-weight-bold">{redirectUri}</code>. It gives you a client ID and secret.
      </p>
      <Form method="post" {...formProps(form)}>
        <IdentityProviderFields fields={fields} changing={false} />
        <Button>Add identity provider</Button>
      </Form>
    </FormPage>
  );
}
