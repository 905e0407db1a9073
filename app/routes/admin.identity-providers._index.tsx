// The identity providers of the organisations whose people sign in through them (single sign-on): administrators.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSitePermission } from "~/auth/guards.server";
import { redirectUri } from "~/auth/oidc.server";
import { takeBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, NotificationBanner, Table } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { listIdentityProviders } from "~/models/identity-provider.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Identity providers");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSitePermission(context, request, "identity-providers:manage");
  return {
    banner: await takeBanner(context, request),
    providers: await listIdentityProviders(context.db),
    redirectUri: redirectUri(),
  };
}

export default function IdentityProviders() {
  const { banner, providers, redirectUri } = useLoaderData<typeof loader>();
  return (
    <>
      {banner ? (
        <NotificationBanner type="success" title="Success">
          {banner}
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Identity providers</h1>
      <p className="govuk-body">
        People whose email address is of a domain listed here sign in to Tandem with their organisation's
        identity provider (single sign-on), not a Tandem password. Tandem never makes an account this way:
        people still need an invitation.
      </p>
      <p className="govuk-body">
        Give each provider this redirect URI: <code className="govuk-!-font-weight-bold">{redirectUri}</code>
      </p>
      <Button href={paths.identityProvidersNew()}>Add an identity provider</Button>
      {providers.length === 0 ? (
        <p className="govuk-body">No identity providers yet: everyone signs in with a Tandem password.</p>
      ) : (
        <Table
          caption="Identity providers"
          captionSize="m"
          firstCellIsHeader
          head={[
            { text: "Name" },
            { text: "Email domains" },
            { text: "Issuer" },
            { text: "Added" },
            { text: <span className="govuk-visually-hidden">Actions</span> },
          ]}
          rows={providers.map((provider) => [
            { text: provider.name },
            { text: provider.domains.join(", ") },
            { text: <span className="govuk-!-text-break-word">{provider.issuer}</span> },
            {
              text: `${formatUkDateTime(provider.added_at)}${provider.addedBy ? ` by ${provider.addedBy}` : ""}`,
            },
            {
              text: (
                <Link className="govuk-link" to={paths.identityProvider(provider.id)}>
                  Change<span className="govuk-visually-hidden"> {provider.name}</span>
                </Link>
              ),
            },
          ])}
        />
      )}
    </>
  );
}
