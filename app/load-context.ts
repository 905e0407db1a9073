// What the HTTP server hands every loader and action.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientAddress: string;
    /** Filled in for the request log line (by the root loader, which runs on every page). */
    requestLog: { personId: number | null };
  }
}
