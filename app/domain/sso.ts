// Single sign-on's pure rules: the email domains a provider vouches for, which issuer addresses Tandem accepts, and
// what each way a sign-in through a provider can fail means to the person it failed for.

/** The domain of an email address, lower case ("hmrc.gov.uk"), or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

// A plain domain name: labels of letters, digits and inner hyphens, at least two of them, no scheme, no "@".
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domains typed one a line (or separated by commas or spaces), lower case, each once; or the first bad one. */
export function parseDomains(text: string): { domains: string[] } | { bad: string } | { empty: true } {
  const words = text
    .split(/[\s,]+/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return { empty: true };
  for (const word of words) if (!DOMAIN.test(word)) return { bad: word };
  return { domains: [...new Set(words)] };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether a URL's host is this machine: only such an issuer may be plain http (tests and the local demo). */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * What is wrong with an issuer URL, or null: it must be https (http only for this machine), with no query,
 * fragment or user name in it.
 */
export function issuerProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter the issuer URL in the correct format, like https://login.example.com";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackUrl(url)))
    return "The issuer URL must start with https://";
  if (url.search || url.hash || url.username || url.password)
    return "The issuer URL must not have a query, a fragment or a user name in it";
  return null;
}

/** Why a sign-in through a provider failed: stored in the audit log, and explained on the page. */
export const SSO_FAILURES = {
  state: "The sign-in link has expired or has already been used",
  provider: "The identity provider refused the sign-in or could not be reached",
  "id-token-invalid": "The identity provider's answer did not pass Tandem's checks",
  "email-unverified": "The identity provider has not confirmed the email address",
  "domain-not-vouched": "The email address's domain is not one this identity provider signs in for",
  "no-account": "Nobody in Tandem has this email address",
  "not-the-same-person": "The identity provider signed in someone else",
  "invitation-unusable": "The invitation can no longer be used",
} as const;

export type SsoFailure = keyof typeof SSO_FAILURES;

/** What the failure page says: what happened, in plain words, and what to do about it. */
export function ssoFailureAdvice(reason: SsoFailure, providerName: string): { what: string; todo: string } {
  switch (reason) {
    case "state":
      return {
        what: "The sign-in took too long, or this page was opened twice.",
        todo: "Start again from the sign-in page. Each sign-in works once, within 10 minutes.",
      };
    case "provider":
      return {
        what: `${providerName} did not sign you in, or Tandem could not reach it.`,
        todo: `Try again in a few minutes. If it keeps happening, ask your organisation's IT help desk whether ${providerName} is working.`,
      };
    case "id-token-invalid":
      return {
        what: `The answer from ${providerName} did not pass Tandem's checks, so Tandem did not trust it.`,
        todo: "Start again from the sign-in page. If it keeps happening, tell your coordinator.",
      };
    case "email-unverified":
      return {
        what: `${providerName} has not confirmed your email address.`,
        todo: `Ask your organisation's IT help desk to confirm your email address in ${providerName}, then try again.`,
      };
    case "domain-not-vouched":
      return {
        what: `The email address you signed in with is not one ${providerName} signs in for in Tandem.`,
        todo: "Sign in with your work email address, or ask your coordinator which address Tandem knows you by.",
      };
    case "no-account":
      return {
        what: "Nobody in Tandem has the email address you signed in with.",
        todo: "Ask your coordinator for an invitation to Tandem. They need the email address you sign in to work with.",
      };
    case "not-the-same-person":
      return {
        what: `${providerName} signed in someone other than you.`,
        todo: `Sign in to ${providerName} as yourself and try again.`,
      };
    case "invitation-unusable":
      return {
        what: "Your invitation has expired or has already been used.",
        todo: "Ask your coordinator to send you a new invitation.",
      };
  }
}
