// Unexpected errors, one JSON line each on standard error, carrying the id of the request that met them (the id
// its request-log line and its error page show). Thrown Responses (404, 403) are answers, not errors: never here.
import { inspect } from "node:util";

/** Long random path segments are secrets (set-password links, calendar feed addresses): never log them. */
export function maskedPath(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      /^[A-Za-z0-9_-]{20,}(\.ics)?$/.test(segment)
        ? `:token${segment.endsWith(".ics") ? ".ics" : ""}`
        : segment,
    )
    .join("/");
}

export type FailedRequest = { requestId: string | null; method: string; path: string };

export function logError(
  error: unknown,
  request: FailedRequest,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
) {
  write(
    JSON.stringify({
      at: new Date().toISOString(),
      level: "error",
      requestId: request.requestId,
      method: request.method,
      path: maskedPath(request.path),
      message: error instanceof Error ? error.message : inspect(error),
      stack: error instanceof Error ? (error.stack ?? null) : null,
    }),
  );
}
