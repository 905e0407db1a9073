// The sign-in throttle for an address, asked before the sign-in form is read: an address that must wait is
// answered at once, whatever it sends. The policy is the app's (app/auth/sign-in-throttle.server.ts); the sign-in
// action asks again with the email once the form is read.
import type { NextFunction, Request, Response } from "express";
import { signInAllowed, waitMessage } from "../app/auth/sign-in-throttle.server";
import { paths } from "../app/utils/paths";
import type { Db } from "../db/connection";
import { routePath } from "./body-limits";
import { refuse } from "./refusal-page";

/** The address sign-in limits count (behind a proxy, TRUST_PROXY makes it the client's). */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export function throttleSignIn(db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "POST" || routePath(req.path) !== paths.signIn()) return next();
    try {
      const decision = await signInAllowed(db, { address: clientAddressOf(req) });
      if (decision.allowed) return next();
      // At once, without reading the form: the connection closes after the answer.
      refuse(req, res, {
        close: true,
        status: 429,
        title: "You have tried to sign in too many times",
        body: waitMessage(decision.retryAfterSeconds),
        headers: { "Retry-After": String(decision.retryAfterSeconds) },
      });
    } catch (error) {
      next(error);
    }
  };
}
