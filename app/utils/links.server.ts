// Absolute links to send people: APP_URL when set (behind a proxy), else the address this request came to.
export function absoluteUrl(request: Request, path: string): string {
  const base = process.env.APP_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  return `${base}${path}`;
}
