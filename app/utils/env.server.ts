// Tandem's own reading of NODE_ENV at run time. The Remix compiler replaces `process.env.NODE_ENV` in the
// bundle with "production" at build time, so it is read through an alias the compiler does not rewrite.
const env: Record<string, string | undefined> = process.env;

export function isProduction(): boolean {
  return env.NODE_ENV === "production";
}

/** Where Tandem is served, for links in emails: APP_URL, or this machine's port for development and the demo. */
export function appUrl(): string {
  return (env.APP_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, "");
}

/** Whether this server sends email (SMTP_URL is set); without it, messages wait in the outbox. */
export function sendsEmail(): boolean {
  return Boolean(env.SMTP_URL);
}
