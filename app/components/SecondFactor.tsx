// The parts of the two-step verification pages: the code box, the QR code with its key as text, and the list of
// recovery codes shown once.
import { type FieldLike, Input, WarningText } from "./govuk";

/** The box for a code: digits on phones, and the browser may fill in a code it received. */
export function CodeInput({ field, recovery = false }: { field: FieldLike; recovery?: boolean }) {
  return recovery ? (
    <Input
      field={field}
      label="Recovery code"
      hint="One of the 10 codes you saved when you set up two-step verification, like k3m9p-x7w2q"
      autoComplete="off"
      spellCheck={false}
      width="10"
    />
  ) : (
    <Input
      field={field}
      label="Enter the 6-digit code"
      hint="Your authenticator app shows a new code every 30 seconds"
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      width="5"
    />
  );
}

/** The QR code (an SVG drawn on the server) and the same key as text, in groups of four, for typing in. */
export function AuthenticatorKey({ qrSvg, groupedKey }: { qrSvg: string; groupedKey: string }) {
  return (
    <>
      <div
        className="tandem-qr-code"
        role="img"
        aria-label="QR code to scan with your authenticator app"
        // The SVG is drawn by the qrcode library from Tandem's own otpauth address: it holds no script or link.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-drawn SVG of a QR code
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="govuk-body">If you cannot scan the QR code, enter this key in your app instead:</p>
      <p className="govuk-body govuk-!-font-weight-bold tandem-secret-key" id="authenticator-key">
        {groupedKey}
      </p>
    </>
  );
}

/** The recovery codes, shown once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <WarningText>
        Save these codes now, somewhere safe and apart from your phone. Tandem shows them only once.
      </WarningText>
      <ol className="govuk-list govuk-list--number tandem-recovery-codes" aria-label="Your recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="govuk-body">
        Each code works once. Use one to sign in if you do not have your phone. When you have used them, make
        new ones from your profile.
      </p>
    </>
  );
}
