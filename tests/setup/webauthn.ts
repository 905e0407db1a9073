// A software authenticator for tests that run without a browser: it makes real ES256 key pairs, attestation
// objects ("none") and signed assertions, exactly as a platform authenticator would, so Tandem's verification
// runs for real. Browser tests use Chromium's own virtual authenticator instead.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash("sha256").update(data).digest());
const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function uint32(n: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n);
  return bytes;
}

export type SoftPasskey = {
  credentialId: string;
  privateKey: KeyObject;
  publicKeyCose: Uint8Array;
  userHandle: string;
  counter: number;
};

type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } };
type RequestOptions = { challenge: string; rpId?: string };

/** The authenticator's passkeys, and the answers it gives to Tandem's options (as @simplewebauthn/browser sends). */
export class SoftAuthenticator {
  constructor(readonly origin: string) {}

  private rpId() {
    return new URL(this.origin).hostname;
  }

  private clientData(type: string, challenge: string, origin = this.origin) {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** Makes a new passkey for the options and answers them; the passkey is returned to sign with later. */
  register(options: CreationOptions, { origin }: { origin?: string } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x as string)],
        [-3, isoBase64URL.toBuffer(jwk.y as string)],
      ]),
    );
    const credentialId = new Uint8Array(randomBytes(32));
    const rpId = options.rp.id ?? this.rpId();
    const authData = concat(
      sha256(rpId),
      new Uint8Array([UP | UV | AT]),
      uint32(0),
      new Uint8Array(16),
      new Uint8Array([0, credentialId.length]),
      credentialId,
      cose,
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]) as never,
    );
    const clientDataJSON = this.clientData("webauthn.create", options.challenge, origin);
    const passkey: SoftPasskey = {
      credentialId: b64(credentialId),
      privateKey,
      publicKeyCose: cose,
      userHandle: options.user.id,
      counter: 0,
    };
    const answer = {
      id: passkey.credentialId,
      rawId: passkey.credentialId,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64(clientDataJSON),
        attestationObject: b64(attestationObject),
        transports: ["internal"],
      },
    };
    return { passkey, answer };
  }

  /**
   * Signs the options' challenge with `passkey`. The counter rises by one each time unless `counter` says what to
   * send (a cloned authenticator sends one already seen).
   */
  authenticate(
    passkey: SoftPasskey,
    options: RequestOptions,
    {
      counter,
      origin,
      userVerified = true,
    }: { counter?: number; origin?: string; userVerified?: boolean } = {},
  ) {
    passkey.counter = counter ?? passkey.counter + 1;
    const authData = concat(
      sha256(options.rpId ?? this.rpId()),
      new Uint8Array([userVerified ? UP | UV : UP]),
      uint32(passkey.counter),
    );
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, origin);
    const signature = sign("sha256", concat(authData, sha256(clientDataJSON)), passkey.privateKey);
    return {
      id: passkey.credentialId,
      rawId: passkey.credentialId,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64(clientDataJSON),
        authenticatorData: b64(authData),
        signature: b64(new Uint8Array(signature)),
        userHandle: passkey.userHandle,
      },
    };
  }
}
