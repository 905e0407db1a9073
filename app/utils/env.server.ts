// Tandem's own reading of NODE_ENV and of the settings production depends on. The Remix compiler replaces
// `process.env.NODE_ENV` in the bundle with "production" at build time, so it is read through an alias the
// compiler does not rewrite.
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

/**
 * What stops Tandem running in production, one sentence each: SESSION_SECRET signs the session cookie, and
 * APP_URL is the address in every link Tandem shows or sends (never the Host header a request names).
 */
export function productionSettingsProblems(): string[] {
  if (!isProduction()) return [];
  const problems: string[] = [];
  if (!env.SESSION_SECRET)
    problems.push(
      'SESSION_SECRET must be set when NODE_ENV=production (for example "$(openssl rand -base64 32)")',
    );
  if (!env.SECRETS_KEY)
    problems.push(
      'SECRETS_KEY must be set when NODE_ENV=production: it encrypts identity providers\' client secrets and one-time-password keys (for example "$(openssl rand -base64 32)")',
    );
  else if (env.SECRETS_KEY.length < 32) problems.push("SECRETS_KEY must be at least 32 characters long");
  if (!env.APP_URL)
    problems.push("APP_URL must be set when NODE_ENV=production (for example https://tandem.example.gov.uk)");
  else if (!appUrlOrigin(env.APP_URL))
    problems.push(
      `APP_URL must be the address people use to reach Tandem, starting https:// or http:// (it is "${env.APP_URL}")`,
    );
  return problems;
}

function appUrlOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href.replace(/\/$/, "") : null;
  } catch {
    return null;
  }
}

/** APP_URL without its trailing slash when it is set (start-up makes sure it is in production), else null. */
export function configuredAppUrl(): string | null {
  return env.APP_URL ? appUrlOrigin(env.APP_URL) : null;
}

const HOUR = 3_600_000;

/**
 * How often the server looks for people whose retention period has ended (RETENTION_EVERY_MS, default a day; 0
 * turns it off, for operators who run `npm run tandem -- retention` themselves). Each London day's run happens once.
 */
export function retentionEveryMs(): number {
  const text = env.RETENTION_EVERY_MS;
  if (text === undefined || text === "") return 24 * HOUR;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 7 * 24 * HOUR)
    throw new Error(`RETENTION_EVERY_MS must be a whole number from 0 to ${7 * 24 * HOUR}`);
  return value;
}
