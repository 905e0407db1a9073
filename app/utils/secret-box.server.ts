// Secrets Tandem must read back (an identity provider's client secret, a person's one-time-password key) are kept
// encrypted at rest with AES-256-GCM under SECRETS_KEY, so a copy of the database alone does not reveal them.
// Each sealed value names the key it was sealed with (the first 8 hex digits of the key's SHA-256), so a key can be
// rotated: put the old one in SECRETS_KEY_PREVIOUS, and values are read with it until they are sealed again.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { isProduction } from "~/utils/env.server";

const env: Record<string, string | undefined> = process.env;

// Outside production, a fixed key: the demo and development databases stay readable across restarts. Production
// refuses to start without SECRETS_KEY (see productionSettingsProblems).
const DEVELOPMENT_KEY = "tandem-development-secrets-key-never-used-in-production";

type Key = { id: string; bytes: Buffer };

function keyOf(material: string): Key {
  // Any string of at least 32 characters works; it is stretched to 256 bits by SHA-256.
  const bytes = createHash("sha256").update(material).digest();
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

function keys(): { current: Key; all: Key[] } {
  const material = env.SECRETS_KEY || (isProduction() ? null : DEVELOPMENT_KEY);
  if (!material) throw new Error("SECRETS_KEY must be set when NODE_ENV=production");
  const current = keyOf(material);
  const previous = env.SECRETS_KEY_PREVIOUS ? [keyOf(env.SECRETS_KEY_PREVIOUS)] : [];
  return { current, all: [current, ...previous] };
}

/** Encrypts `plain`: "v1.<key id>.<iv>.<tag>.<ciphertext>", base64url parts. */
export function sealSecret(plain: string): string {
  const { current } = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    current.id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

/** Decrypts a value `sealSecret` made; throws when it was sealed with a key this server does not hold or altered. */
export function openSecret(sealed: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || ciphertext === undefined)
    throw new Error("Not a sealed secret");
  const key = keys().all.find((k) => k.id === keyId);
  if (!key) throw new Error(`The secret was sealed with a key this server does not hold (key ${keyId})`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}
