// Time-based one-time passwords (RFC 6238) with otpauth, the QR code an authenticator app scans (SVG, drawn here),
// and new recovery codes.
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { RECOVERY_CODE_COUNT, TOTP as RULES, recoveryCodeFromBytes, timeStep } from "~/domain/second-factor";

/** A new random key: 160 bits, as RFC 4226 recommends, in base32 as apps take it. */
export function newTotpKey(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(key: string, label = "Tandem") {
  return new TOTP({
    issuer: RULES.issuer,
    label,
    algorithm: RULES.algorithm,
    digits: RULES.digits,
    period: RULES.period,
    secret: Secret.fromBase32(key),
  });
}

/** The otpauth:// address the QR code holds, labelled with the person's email. */
export function totpUri(key: string, email: string): string {
  return totp(key, email).toString();
}

/** The code of a key at an instant (milliseconds): for the demo's command and the tests. */
export function totpCode(key: string, at = Date.now()): string {
  return totp(key).generate({ timestamp: at });
}

/** The time-step whose code this is, within one step of drift either way, or null when it matches none. */
export function matchingStep(key: string, code: string, at = Date.now()): number | null {
  const delta = totp(key).validate({ token: code, timestamp: at, window: RULES.window });
  return delta === null ? null : timeStep(at) + delta;
}

/** The QR code of an otpauth:// address as an SVG document (no script, no external reference). */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
}

/** Ten new recovery codes like `k3m9p-x7w2q` (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  const codes: string[] = [];
  while (codes.length < RECOVERY_CODE_COUNT) {
    const code = recoveryCodeFromBytes(randomBytes(16));
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}
