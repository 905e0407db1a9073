// A button that runs a passkey ceremony, shown only once the page has hydrated and the browser can use passkeys
// (progressive enhancement): until then (and so without JavaScript) `withoutJavaScript` shows instead, and in a
// browser without WebAuthn, `unsupported`. A <noscript> would not do: a browser that only stops scripts from
// running (as test browsers and some settings do) still parses it as hidden text.
// A refusal is shown as a GOV.UK error message beside the button and announced.
import { type ReactNode, useEffect, useId, useState } from "react";
import { browserSupportsWebAuthn, runCeremony } from "./passkey-ceremony";

type Props = {
  kind: "register" | "authenticate";
  /** The ceremony's endpoint (a resource route answering `intent=options` and `intent=verify`). */
  endpoint: string;
  /** Sent with the answer (e.g. `redirectTo`). */
  extra?: Record<string, string>;
  children: string;
  variant?: "secondary";
  /** Shown until the page runs JavaScript: what to do instead. */
  withoutJavaScript?: ReactNode;
  /** Shown when the button cannot work here (no WebAuthn in this browser). */
  unsupported?: ReactNode;
};

export function PasskeyButton(props: Props) {
  const { kind, endpoint, extra, children, variant, withoutJavaScript, unsupported } = props;
  const [support, setSupport] = useState<"unknown" | "yes" | "no">("unknown");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const errorId = useId();
  useEffect(() => {
    setSupport(browserSupportsWebAuthn() ? "yes" : "no");
  }, []);
  if (support === "unknown") return <>{withoutJavaScript ?? null}</>;
  if (support === "no") return <>{unsupported ?? null}</>;
  async function start() {
    setBusy(true);
    setError("");
    const result = await runCeremony(kind, endpoint, extra);
    if (result.ok) {
      // A full page load, so that every part of the page sees the new (or newly verified) session.
      window.location.assign(result.redirectTo);
      return;
    }
    setError(result.message);
    setBusy(false);
  }
  return (
    <div className={error ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"}>
      <p id={errorId} className="govuk-error-message" aria-live="polite" hidden={!error}>
        {error ? (
          <>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </>
        ) : null}
      </p>
      <button
        type="button"
        className={variant ? `govuk-button govuk-button--${variant}` : "govuk-button"}
        data-module="govuk-button"
        aria-describedby={error ? errorId : undefined}
        disabled={busy}
        aria-disabled={busy || undefined}
        onClick={start}
      >
        {children}
      </button>
    </div>
  );
}
