import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { mayAddPasskey } from "~/auth/passkeys.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText, NotificationBanner, SummaryCard, SummaryList } from "~/components/govuk";
import { PasskeyButton } from "~/components/PasskeyButton";
import { PasskeyConfirm } from "~/components/PasskeyConfirm";
import { formatUkDateTime } from "~/domain/calendar";
import { CONFIRM_BEFORE_ADDING } from "~/domain/passkeys";
import { listPasskeys } from "~/models/passkey.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Passkeys");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const [passkeys, authenticator] = await Promise.all([
    listPasskeys(context.db, user.personId),
    getSecondFactor(context.db, user.personId),
  ]);
  const factors = { hasPasskeys: passkeys.length > 0, hasOtherSecondFactor: Boolean(authenticator) };
  return { passkeys, mayAdd: mayAddPasskey(user, factors) };
}

export default function Passkeys() {
  const { passkeys, mayAdd } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.profile()}>Back to your profile</BackLink>
        {params.get("checked") ? (
          <NotificationBanner type="success" title="Success">
            Your passkey works.
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">Passkeys</h1>
        <p className="govuk-body">
          A passkey lets you sign in with your fingerprint, face, screen lock or security key instead of your
          password. It only works on Tandem, so nobody can trick you into using it on a fake site.
        </p>
        {passkeys.length === 0 ? (
          <p className="govuk-body">You have not added a passkey yet.</p>
        ) : (
          passkeys.map((passkey) => (
            <SummaryCard
              key={passkey.id}
              title={passkey.name}
              actions={[
                { href: paths.passkey(passkey.id).name(), text: "Change name" },
                { href: paths.passkey(passkey.id).remove(), text: "Remove" },
              ]}
            >
              <SummaryList
                rows={[
                  { key: "Added", value: formatUkDateTime(passkey.created_at) },
                  {
                    key: "Last used",
                    value: passkey.last_used_at ? formatUkDateTime(passkey.last_used_at) : "Not used yet",
                  },
                ]}
              />
            </SummaryCard>
          ))
        )}
        {passkeys.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Check a passkey works</h2>
            <p className="govuk-body">
              Use one of your passkeys now to check it still works. This also confirms it is you, for a few
              minutes.
            </p>
            <PasskeyConfirm redirectTo={paths.passkeys(true)} hasPasskeys />
          </>
        ) : null}
        <h2 className="govuk-heading-m">Add a passkey</h2>
        <p className="govuk-body">
          You can add a passkey on each device you use, for example your work laptop and your phone.
        </p>
        {mayAdd ? (
          <PasskeyButton
            kind="register"
            endpoint={paths.passkeyRegistration()}
            variant={passkeys.length > 0 ? "secondary" : undefined}
            withoutJavaScript={
              <InsetText>
                Adding a passkey needs JavaScript, which is turned off in your browser. You can still sign in
                with your email address and password, and two-step verification if you have set it up.
              </InsetText>
            }
            unsupported={
              <InsetText>
                This browser cannot make passkeys. You can still sign in with your email address and password,
                and two-step verification if you have set it up.
              </InsetText>
            }
          >
            Add a passkey
          </PasskeyButton>
        ) : (
          <p className="govuk-body">
            {CONFIRM_BEFORE_ADDING}{" "}
            <Link className="govuk-link" to={paths.confirmItIsYou(paths.passkeys())}>
              Confirm it is you
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
