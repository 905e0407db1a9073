// One JSON line per request: method, path (tokens masked), status, duration, SQL queries run and the signed-in
// person's id.
import type { NextFunction, Request, Response } from "express";
import { type QueryCounter, withQueryCounter } from "../db/query-count";

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

export function requestLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.locals.log = { personId: null as number | null };
    const counter: QueryCounter = { queries: 0 };
    res.on("finish", () => {
      write(
        JSON.stringify({
          at: new Date().toISOString(),
          method: req.method,
          path: maskedPath(req.path),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          queries: counter.queries,
          personId: res.locals.log.personId,
        }),
      );
    });
    withQueryCounter(counter, next);
  };
}
