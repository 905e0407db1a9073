// The link at the foot of every email people can turn off: a token naming the person and the kind of mail, signed
// with a key derived from SESSION_SECRET. It is checked without the database, so it works signed out and from a
// mail provider's one-click POST (RFC 8058). It does not expire: an old email's link should still stop the mail.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ESSENTIAL_MESSAGE_KINDS, MESSAGE_KINDS, type MessageKind } from "~/domain/vocabulary";
import { isProduction } from "~/utils/env.server";
import { paths } from "~/utils/paths";

/** Outside production without SESSION_SECRET, links last as long as the process (as sessions do). */
let processSecret: string | undefined;

function unsubscribeKey(): Buffer {
  let secret = process.env.SESSION_SECRET;
  if (!secret) {
    if (isProduction()) throw new Error("SESSION_SECRET must be set when NODE_ENV=production");
    processSecret ??= randomBytes(32).toString("base64url");
    secret = processSecret;
  }
  // A key of its own, so an unsubscribe signature can never pass for a session cookie's, or the other way round.
  return createHmac("sha256", secret).update("tandem unsubscribe link").digest();
}

function signature(personId: number, kind: MessageKind): string {
  return createHmac("sha256", unsubscribeKey())
    .update(`${personId}:${kind}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

/** `<person id>.<kind>.<signature>`: only Tandem can make one. */
export function unsubscribeToken(personId: number, kind: MessageKind): string {
  return `${personId}.${kind}.${signature(personId, kind)}`;
}

/** The person and kind a token names, or null when it is malformed, tampered with or names essential mail. */
export function readUnsubscribeToken(token: string): { personId: number; kind: MessageKind } | null {
  const match = /^([1-9]\d{0,9})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const personId = Number(match[1]);
  const kind = match[2] as MessageKind;
  if (!Object.hasOwn(MESSAGE_KINDS, kind) || ESSENTIAL_MESSAGE_KINDS.includes(kind)) return null;
  const given = Buffer.from(match[3]!, "base64url");
  const expected = Buffer.from(signature(personId, kind), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? { personId, kind } : null;
}

/**
 * The unsubscribe link for the footer of a letter (renderLetter's `unsubscribe`) and the RFC 8058 headers that let
 * mail programs show their own "Unsubscribe" button, which posts `List-Unsubscribe=One-Click` to the same link.
 */
export function unsubscribeHeaders(link: (path: string) => string, personId: number, kind: MessageKind) {
  const unsubscribe = link(paths.unsubscribe(unsubscribeToken(personId, kind)));
  return {
    unsubscribe,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
