// What the HTTP server hands every loader and action.
import "@remix-run/node";
import type { Db } from "../db/connection";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The process's one database, opened when the server starts. */
    db: Db;
    /** Names the request in the request log, in error log lines and on the error page. */
    requestId: string;
    cspNonce: string;
    clientAddress: string;
    /** Filled in for the request log line (by the root loader, which runs on every page). */
    requestLog: { personId: number | null };
  }
}
