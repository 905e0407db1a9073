// The HTTP server: security headers, the cross-origin POST guard, static files and the Remix handler.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";

import { EMAIL_PREVIEW_POLICY } from "../app/domain/mail/preview";
import { databaseReachable } from "../app/models/health.server";
import { isProduction } from "../app/utils/env.server";
import { logError } from "../app/utils/error-log.server";
import { FORM_ACTION_HEADER, formActionOrigins } from "../app/utils/form-action";
import type { Db } from "../db/connection";
import { limitBodies } from "./body-limits";
import { assignRequestId, requestLog } from "./request-log";
import { clientAddressOf, throttleSignIn } from "./sign-in-throttle";

export function contentSecurityPolicy(nonce: string, formActions: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ["form-action 'self'", ...formActions].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The one address that may be framed: an email's HTML part (paths.outboxMessage(id).html()), which the Outbox page
 * shows in a sandboxed frame. It gets its own policy instead of the pages' one, set here rather than by its route
 * because the Remix adapter adds a route's headers to these (two policies would both apply, and the pages' one
 * forbids framing); so whatever that address answers, even an error, runs no script.
 */
const EMAIL_PREVIEW_PATH = /^\/admin\/outbox\/\d+\/html$/;

function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const emailPreview = EMAIL_PREVIEW_PATH.test(req.path);
  res.set({
    "Content-Security-Policy": emailPreview ? EMAIL_PREVIEW_POLICY : contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": emailPreview ? "SAMEORIGIN" : "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  });
  if (isProduction()) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (!emailPreview) widenFormActionOnRequest(res, nonce);
  next();
}

/**
 * A page that sends people on to an identity provider names the provider's origin (FORM_ACTION_HEADER): it joins
 * the policy's form-action, decided as the headers are written, and the header itself is not sent.
 */
function widenFormActionOnRequest(res: Response, nonce: string) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    const named = this.getHeader(FORM_ACTION_HEADER);
    if (named !== undefined) {
      this.removeHeader(FORM_ACTION_HEADER);
      const origins = formActionOrigins(Array.isArray(named) ? named.join(" ") : String(named));
      if (origins.length) this.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, origins));
    }
    return writeHead.apply(this, args);
  } as Response["writeHead"];
}

/** Refuses state-changing requests sent by another site (CSRF), judged by Sec-Fetch-Site and Origin. */
export function isCrossSiteWrite(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  return origin !== `${req.protocol}://${req.get("host")}`;
}

/**
 * A mail program's one-click unsubscribe (RFC 8058): a POST to the link in an email's List-Unsubscribe header, which
 * some programs send from the reader's browser, so it may arrive marked cross-site. It is let through: it carries
 * its own signed token and no session, so another site can make it do nothing the token's holder could not.
 */
export function isOneClickUnsubscribe(req: Request): boolean {
  return req.method === "POST" && /^\/unsubscribe\/[^/]+$/.test(req.path);
}

function refuseCrossSiteWrites(req: Request, res: Response, next: NextFunction) {
  if (isOneClickUnsubscribe(req)) {
    // Remix aborts an action whose Origin names another host; for this route the Origin says nothing that matters.
    delete req.headers.origin;
    return next();
  }
  if (!isCrossSiteWrite(req)) return next();
  res.status(403).type("text/plain").send("Forbidden: this form was sent from another site.");
}

/**
 * Pages and data are not cached (Cache-Control: no-store) unless the response says otherwise: decided as the
 * headers are written, so a response that sets its own (a calendar, a CSV) sends one Cache-Control, not two.
 */
function noStoreUnlessSet(_req: Request, res: Response, next: NextFunction) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}

/** The app for one Remix build over one database, which reaches every loader and action through the load context. */
export function createApp(build: ServerBuild, db: Db) {
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  app.use(assignRequestId);
  if (process.env.LOG_REQUESTS !== "0") app.use(requestLog());
  app.use(securityHeaders);
  app.use(refuseCrossSiteWrites);
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(noStoreUnlessSet);
  app.get("/healthz", async (_req, res) => {
    const reachable = await databaseReachable(db);
    res
      .status(reachable ? 200 : 503)
      .json({ status: reachable ? "ok" : "unavailable", database: reachable ? "reachable" : "unreachable" });
  });
  app.use(limitBodies);
  app.use(throttleSignIn(db));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({
        db,
        requestId: String(res.locals.requestId),
        cspNonce: String(res.locals.cspNonce),
        clientAddress: clientAddressOf(req),
        requestLog: res.locals.log ?? { personId: null },
      }),
    }),
  );
  app.use(answerUnexpectedErrors);
  return app;
}

/** Errors that escape the Remix handler or a middleware: logged with the request's id, which the answer quotes. */
function answerUnexpectedErrors(error: unknown, req: Request, res: Response, _next: NextFunction) {
  const requestId = String(res.locals.requestId);
  if (req.socket.destroyed) return;
  logError(error, { requestId, method: req.method, path: req.path });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .status(500)
    .type("text/plain")
    .send(
      `Sorry, there is a problem with the service. If you contact us, quote this reference: ${requestId}`,
    );
}

/** Starts listening; resolves with the server and the port it got (PORT=0 picks a free one). */
export async function listen(
  app: ReturnType<typeof createApp>,
  port: number,
  host?: string,
): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = host ? app.listen(port, host) : app.listen(port);
    server.once("error", reject);
    server.once("listening", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : port });
    });
  });
}
