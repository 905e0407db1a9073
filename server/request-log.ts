// Each request's id, and one JSON line per request: the id, method, path (tokens masked), status, duration, SQL
// queries run and the signed-in person's id.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { maskedPath } from "../app/utils/error-log.server";
import { type QueryCounter, withQueryCounter } from "../db/query-count";

/**
 * Gives each request an id (12 hex digits: short enough to read out over the phone), which its request-log
 * line, its error lines and its error page all show.
 */
export function assignRequestId(_req: Request, res: Response, next: NextFunction) {
  res.locals.requestId = randomBytes(6).toString("hex");
  next();
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
          requestId: res.locals.requestId,
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
