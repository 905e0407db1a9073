// Tandem's own reading of NODE_ENV at run time. The Remix compiler replaces `process.env.NODE_ENV` in the
// bundle with "production" at build time, so it is read through an alias the compiler does not rewrite.
const env: Record<string, string | undefined> = process.env;

export function isProduction(): boolean {
  return env.NODE_ENV === "production";
}
