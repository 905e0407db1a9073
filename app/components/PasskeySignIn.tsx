// "Sign in with a passkey" on the sign-in page: a passkey alone (discoverable credentials, no email typed). Needs
// JavaScript; without it the page's other ways to sign in are there, and a line says why there is no button.
import { paths } from "~/utils/paths";
import { PasskeyButton } from "./PasskeyButton";

export function PasskeySignIn({ redirectTo }: { redirectTo: string }) {
  return (
    <div className="tandem-passkey-sign-in">
      <PasskeyButton
        kind="authenticate"
        endpoint={paths.passkeySignIn()}
        extra={{ redirectTo }}
        variant="secondary"
        withoutJavaScript={
          <p className="govuk-body">
            To sign in with a passkey, turn on JavaScript in your browser. You can sign in with your email
            address and password instead.
          </p>
        }
      >
        Sign in with a passkey
      </PasskeyButton>
    </div>
  );
}
