// A page whose form sends the person on to an identity provider (the form posts to Tandem, which redirects there)
// needs that provider's origin in its Content-Security-Policy's form-action, since browsers check the redirect of
// a form's submission too. The page names the origin in this header; the server (server/app.ts) adds it to the
// policy and never sends the header itself.
export const FORM_ACTION_HEADER = "X-Tandem-Form-Action";

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** Only well-formed origins (scheme, host, port) may join the policy. */
export function formActionOrigins(value: string | undefined | null): string[] {
  return (value ?? "").split(/\s+/).filter((origin) => ORIGIN.test(origin));
}

/** The header for a page whose forms lead to these origins. */
export function formActionHeaders(origins: string[]): Record<string, string> {
  const allowed = formActionOrigins(origins.join(" "));
  return allowed.length ? { [FORM_ACTION_HEADER]: allowed.join(" ") } : {};
}
