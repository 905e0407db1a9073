// WebAuthn with @simplewebauthn/server: who the relying party is (the host and origin of APP_URL), the options of
// each ceremony, and the verification of the browser's answers. The data changes are commands
// (~/commands/passkeys.server); this file holds no state.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { decodeClientDataJSON, isoBase64URL } from "@simplewebauthn/server/helpers";
import { z } from "zod";
import { recentlyVerified } from "~/models/account.server";
import { appUrl } from "~/utils/env.server";

const CEREMONY_TIMEOUT_MS = 5 * 60_000;

/**
 * Whether the person may add a passkey now. A passkey is a second factor (a session it starts counts as verified,
 * and it confirms dangerous actions), so someone who already has one must have confirmed it is them within the
 * last few minutes: otherwise a session opened with a stolen password could add the thief's passkey and pass the
 * step-up. Without any second factor yet, the password session may add the first one. `hasOtherSecondFactor` is
 * for factors other than passkeys (a one-time-password app), which the caller knows about.
 */
export function mayAddPasskey(
  user: { verifiedAt: string | null },
  factors: { hasPasskeys: boolean; hasOtherSecondFactor?: boolean },
): boolean {
  if (!factors.hasPasskeys && !factors.hasOtherSecondFactor) return true;
  return recentlyVerified(user);
}

/** The relying party: its id is APP_URL's host name (WebAuthn refuses IP addresses), its origin APP_URL's. */
export function relyingParty() {
  const url = new URL(appUrl());
  return { id: url.hostname, origin: url.origin, name: "Tandem" };
}

/** Options to add a passkey: resident key and user verification required, the person's passkeys excluded. */
export function registrationOptions(input: {
  personId: number;
  email: string;
  name: string;
  exclude: { id: string; transports: string[] }[];
}) {
  const rp = relyingParty();
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: input.email,
    userDisplayName: input.name,
    // A stable handle per person (not their email): an authenticator keeps one passkey per person and site.
    userID: new TextEncoder().encode(`tandem-person-${input.personId}`),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: input.exclude,
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

/** Options to sign in (no allow list: the passkey says whose it is) or to confirm (the person's passkeys only). */
export function authenticationOptions(allow?: { id: string; transports: string[] }[]) {
  return generateAuthenticationOptions({
    rpID: relyingParty().id,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: "required",
    allowCredentials: allow ?? [],
  });
}

const base64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*$/);

/** The browser's answer, as @simplewebauthn/browser sends it; the library checks the rest. */
const CredentialSchema = z.object({
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  response: z
    .object({
      clientDataJSON: base64url.min(1),
      attestationObject: base64url.optional(),
      authenticatorData: base64url.optional(),
      signature: base64url.optional(),
      userHandle: base64url.optional(),
      transports: z.array(z.string().max(32)).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url.optional(),
    })
    .passthrough(),
});

/** The JSON text of a browser's answer, read into the shape the library expects, or null. */
export function parseCredential(text: string): z.infer<typeof CredentialSchema> | null {
  try {
    const parsed = CredentialSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The challenge the browser says it answered (checked against the stored one when the answer is verified). */
export function answeredChallenge(credential: { response: { clientDataJSON: string } }): string | null {
  try {
    const challenge = decodeClientDataJSON(credential.response.clientDataJSON).challenge;
    return typeof challenge === "string" && challenge ? challenge : null;
  } catch {
    return null;
  }
}

type Credential = z.infer<typeof CredentialSchema>;

/** Verifies a new passkey's attestation; answers what to store, or why it was refused. */
export async function verifyNewPasskey(credential: Credential, challenge: string) {
  const rp = relyingParty();
  try {
    const result = await verifyRegistrationResponse({
      response: credential as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
    if (!result.verified) return { verified: false as const, reason: "the passkey could not be verified" };
    const info = result.registrationInfo;
    return {
      verified: true as const,
      credentialId: info.credential.id,
      publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
      counter: info.credential.counter,
      transports: info.credential.transports ?? credential.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    };
  } catch (error) {
    return { verified: false as const, reason: reasonOf(error) };
  }
}

/** Verifies a signature by a stored passkey (its public key and counter); answers the new counter or why not. */
export async function verifyPasskeyUse(
  credential: Credential,
  challenge: string,
  stored: { credential_id: string; public_key: string; counter: number; transports: string[] },
) {
  const rp = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response: credential as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: stored.credential_id,
        publicKey: isoBase64URL.toBuffer(stored.public_key),
        counter: stored.counter,
        transports: stored.transports,
      },
    });
    if (!result.verified) return { verified: false as const, reason: "the signature is not right" };
    return {
      verified: true as const,
      counter: result.authenticationInfo.newCounter,
      backedUp: result.authenticationInfo.credentialBackedUp,
    };
  } catch (error) {
    return { verified: false as const, reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 200);
}

/** The ceremonies' endpoints answer POST only: a GET (a link, a refresh) is told so. */
export function postOnly(): never {
  throw new Response("This address only takes what a passkey button sends", {
    status: 405,
    headers: { Allow: "POST" },
  });
}
