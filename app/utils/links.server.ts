// Absolute links to send people (one-time sign-in links, calendar feeds): always APP_URL in production, which
// start-up requires, so a request's Host header never chooses where a link points. Outside production, without
// APP_URL, the address this request came to.
import { configuredAppUrl, isProduction } from "./env.server";

export function absoluteUrl(request: Request, path: string): string {
  const base = configuredAppUrl();
  if (base) return `${base}${path}`;
  if (isProduction()) throw new Error("APP_URL must be set when NODE_ENV=production");
  return `${new URL(request.url).origin}${path}`;
}
