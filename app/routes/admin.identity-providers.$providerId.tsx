// Changing or removing an identity provider. A new issuer or a new secret changes who can vouch for people, so
// saving either asks for a recent second factor; the name and domains do not. A blank secret keeps the saved one.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  actorOf,
  idParam,
  notFound,
  requireRecentVerification,
  requireSitePermission,
} from "~/auth/guards.server";
import { issuerUnreadable } from "~/auth/oidc.server";
import { redirectWithBanner } from "~/auth/session.server";
import { changeIdentityProvider, removeIdentityProvider } from "~/commands/identity-providers.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, ButtonGroup } from "~/components/govuk";
import { IdentityProviderFields } from "~/components/IdentityProviderFields";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { ChangeIdentityProviderSchema } from "~/forms/identity-provider";
import { refused } from "~/forms/reply.server";
import { getIdentityProvider } from "~/models/identity-provider.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Change ${data?.provider.name ?? "identity provider"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

async function load(
  context: LoaderFunctionArgs["context"],
  request: Request,
  providerId: string | undefined,
) {
  const user = await requireSitePermission(context, request, "identity-providers:manage");
  const provider = await getIdentityProvider(context.db, idParam(providerId, "Identity provider"));
  if (!provider) notFound("Identity provider");
  return { user, provider };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { provider } = await load(context, request, params.providerId);
  // The sealed secret stays on the server.
  const { client_secret: _, ...shown } = provider;
  return { provider: shown };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, provider } = await load(context, request, params.providerId);
  const submission = parseWithZod(await request.formData(), { schema: ChangeIdentityProviderSchema });
  const hide = { hideFields: ["clientSecret"] };
  const reply = { reply: (errors: object) => submission.reply({ ...errors, ...hide }) };
  if (submission.status !== "success") return data(submission.reply(hide), { status: 400 });
  const value = submission.value;
  if (value.intent === "remove") {
    const outcome = await run(context.db, actorOf(context, user), removeIdentityProvider, {
      id: provider.id,
      version: value.version,
      name: provider.name,
    });
    if (!outcome.ok) return refused(reply, outcome);
    return redirectWithBanner(context, request, paths.identityProviders(), `${provider.name} removed`);
  }
  const clientSecret = value.clientSecret ? value.clientSecret : null;
  if (value.issuer !== provider.issuer || clientSecret !== null) {
    requireRecentVerification(request, user);
    const unreadable = await issuerUnreadable(value.issuer);
    if (unreadable)
      return data(submission.reply({ ...hide, fieldErrors: { issuer: [unreadable] } }), { status: 400 });
  }
  const outcome = await run(context.db, actorOf(context, user), changeIdentityProvider, {
    id: provider.id,
    version: value.version,
    name: value.name,
    issuer: value.issuer,
    clientId: value.clientId,
    clientSecret,
    domains: value.domains,
  });
  if (!outcome.ok) return refused(reply, outcome);
  return redirectWithBanner(context, request, paths.identityProviders(), `${value.name} saved`);
}

type ProviderField = "name" | "issuer" | "clientId" | "clientSecret" | "domains";

export default function ChangeIdentityProvider() {
  const { provider } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<Record<ProviderField, string>>(provider.version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      name: provider.name,
      issuer: provider.issuer,
      clientId: provider.client_id,
      domains: provider.domains.join("\n"),
    },
  });
  return (
    <FormPage
      back={{ href: paths.identityProviders(), text: "Back to identity providers" }}
      form={form}
      caption="Identity provider"
      heading={provider.name}
    >
      <VersionedForm form={form} version={provider.version}>
        <IdentityProviderFields fields={fields} changing />
        <ButtonGroup>
          <Button name="intent" value="save">
            Save changes
          </Button>
          <Button name="intent" value="remove" variant="warning">
            Remove this provider
          </Button>
        </ButtonGroup>
      </VersionedForm>
    </FormPage>
  );
}
