// The browser's side of a passkey ceremony: ask Tandem for options, let the authenticator answer, send the answer
// back. Used by the passkey components after hydration; the server decides everything.
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";

export { browserSupportsWebAuthn };

export type CeremonyResult = { ok: true; redirectTo: string } | { ok: false; message: string };

const CANCELLED = "The passkey was not used: it was cancelled or took too long.";
const UNREACHABLE = "Tandem could not be reached. Check your connection and try again.";

async function post(url: string, fields: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { ok: response.ok, body };
}

function failure(body: Record<string, unknown> | null): CeremonyResult {
  return { ok: false, message: typeof body?.message === "string" ? body.message : UNREACHABLE };
}

/** Runs one ceremony against `url`: "register" makes a new passkey, "authenticate" signs with one. */
export async function runCeremony(
  kind: "register" | "authenticate",
  url: string,
  extra: Record<string, string> = {},
): Promise<CeremonyResult> {
  try {
    const options = await post(url, { intent: "options" });
    if (!options.ok || !options.body?.options) return failure(options.body);
    let credential: unknown;
    try {
      credential =
        kind === "register"
          ? await startRegistration({
              optionsJSON: options.body.options as PublicKeyCredentialCreationOptionsJSON,
            })
          : await startAuthentication({
              optionsJSON: options.body.options as PublicKeyCredentialRequestOptionsJSON,
            });
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      if (name === "InvalidStateError")
        return { ok: false, message: "This device already has a passkey for you in Tandem." };
      return { ok: false, message: CANCELLED };
    }
    const verified = await post(url, { intent: "verify", credential: JSON.stringify(credential), ...extra });
    if (!verified.ok || typeof verified.body?.redirectTo !== "string") return failure(verified.body);
    return { ok: true, redirectTo: verified.body.redirectTo };
  } catch {
    return { ok: false, message: UNREACHABLE };
  }
}
