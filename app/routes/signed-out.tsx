// After signing out of a session that came from an identity provider with its own sign-out: Tandem's session has
// ended, and the person may sign out of the provider too (its end-session endpoint, back to Tandem's sign-in).
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { endSessionUrl } from "~/auth/oidc.server";
import { getSessionUser } from "~/auth/session.server";
import { signedOutOf } from "~/auth/sso-cookies.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { getIdentityProvider } from "~/models/identity-provider.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("You have signed out of Tandem");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getSessionUser(context, request)) throw redirect(paths.home());
  const signedOut = await signedOutOf(request);
  const provider = signedOut ? await getIdentityProvider(context.db, signedOut.providerId) : undefined;
  const url = provider && signedOut ? await endSessionUrl(provider, signedOut.idToken) : null;
  if (!provider || !url) throw redirect(paths.signIn());
  return { providerName: provider.name, endSessionUrl: url };
}

export default function SignedOut() {
  const { providerName, endSessionUrl } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have signed out of Tandem</h1>
        <p className="govuk-body">
          You are still signed in to {providerName}, so other services that use it may still let you in. On a
          computer others use, sign out of {providerName} too.
        </p>
        <Button href={endSessionUrl}>{`Sign out of ${providerName} too`}</Button>
        <LinkParagraph to={paths.signIn()}>Sign in to Tandem again</LinkParagraph>
      </div>
    </div>
  );
}
