// "Confirm with a passkey" before a dangerous action (step-up): a ceremony restricted to the signed-in person's
// own passkeys; when it passes, the server marks the session verified and the browser goes to `redirectTo`. Shown
// only to someone with a passkey, and only with JavaScript (the page's other ways work without it).
import { paths } from "~/utils/paths";
import { PasskeyButton } from "./PasskeyButton";

export function PasskeyConfirm({ redirectTo, hasPasskeys }: { redirectTo: string; hasPasskeys: boolean }) {
  if (!hasPasskeys) return null;
  return (
    <div className="tandem-passkey-confirm">
      <PasskeyButton
        kind="authenticate"
        endpoint={paths.passkeyConfirm()}
        extra={{ redirectTo }}
        withoutJavaScript={
          <p className="govuk-body">
            To confirm it is you with a passkey, turn on JavaScript in your browser.
          </p>
        }
      >
        Confirm with a passkey
      </PasskeyButton>
    </div>
  );
}
