// What a request body may be, decided from its headers before any of it is parsed (ASVS 5.0 V4.1, V5.2.1).
//
// Tandem's forms are sent URL-encoded; only the nominations upload sends a file (multipart), and a mail program
// may send its one-click unsubscribe either way. Anything else is refused with 415. A body must say how long it is
// (Content-Length: browsers always do for a form; 411 otherwise) and be no longer than its route's limit (413).
// Node never reads past Content-Length, so a body accepted here is at most the limit when Remix parses it, and a
// refused one is only read to be thrown away (up to DISCARD_LIMIT) or not read at all.
import type { NextFunction, Request, Response } from "express";
import { MAX_CSV_BYTES } from "../app/domain/csv-nominations";
import { type Refusal, refuse } from "./refusal-page";

const KB = 1024;

/** An ordinary form: a few short fields, or text of a few thousand characters. */
export const FORM_LIMIT = 64 * KB;
/** Forms with long text: a problem statement (five answers of up to 20,000 characters), a session's notes and
 * actions, a leader's written feedback, a rubric. Enough for every field at its limit in any script. */
export const LONG_FORM_LIMIT = 1024 * KB;
/** The nominations upload: the file (MAX_CSV_BYTES) and the multipart framing around it. */
export const UPLOAD_LIMIT = MAX_CSV_BYTES + FORM_LIMIT;
/** Confirming an upload posts the checked CSV back as a form field: URL-encoded, a byte may take three. */
export const UPLOAD_CONFIRMATION_LIMIT = 3 * MAX_CSV_BYTES + FORM_LIMIT;

/**
 * A path as the app's router matches it: decoded, in lower case, without repeated or trailing slashes, so that
 * `/Sign-In/` and `/sign%2Din` meet the same rules as `/sign-in`; and a page's data request (Remix's single
 * fetch, sent by forms when JavaScript runs: `/cohorts/1/nominations/import.data`, `/_root.data`) as its page.
 */
export function routePath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: the router will not match it to a route either.
  }
  const matched = decoded
    .toLowerCase()
    .replace(/\/{2,}/g, "/")
    .replace(/(.)\/$/, "$1")
    .replace(/\.data$/, "");
  return matched === "/_root" ? "/" : matched;
}

const route = (pattern: string) => new RegExp(`^${pattern.replaceAll(":id", "[^/]+")}$`);

/** Routes that take a file (multipart/form-data). */
export const UPLOAD_ROUTES = [route("/cohorts/:id/nominations/import")];

/** Routes that may be sent multipart/form-data: the uploads, and a mail program's one-click unsubscribe, which
 * RFC 8058 lets it send either way. */
const MULTIPART_ROUTES = [...UPLOAD_ROUTES, route("/unsubscribe/:id")];

const LONG_FORM_ROUTES = [
  route("/cohorts/:id/teams/:id/statement"),
  route("/cohorts/:id/teams/:id/statement/edit"),
  route("/cohorts/:id/teams/:id/sessions/new"),
  route("/cohorts/:id/teams/:id/sessions/:id"),
  route("/cohorts/:id/teams/:id/sessions/:id/edit"),
  route("/cohorts/:id/pitch-day/scoring/:id"),
  route("/cohorts/:id/pitch-day/rubric"),
];

/** Refused bodies up to this size are read and thrown away before the answer; larger ones are cut off unread. */
export const DISCARD_LIMIT = 32 * 1024 * KB;

type BodyType = "form" | "multipart";

/** The most bytes a body of this type may have on this path. */
export function bodyLimit(path: string, type: BodyType): number {
  const matched = routePath(path);
  if (UPLOAD_ROUTES.some((r) => r.test(matched)))
    return type === "multipart" ? UPLOAD_LIMIT : UPLOAD_CONFIRMATION_LIMIT;
  return LONG_FORM_ROUTES.some((r) => r.test(matched)) ? LONG_FORM_LIMIT : FORM_LIMIT;
}

const UNREADABLE = "Tandem cannot read what was sent";
const FROM_THE_PAGE = "Send the form from its page in Tandem: go back and try again.";

/** Why a body cannot be accepted, judged from the method, path and headers alone; null when it can. */
export function bodyRefusal(request: {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}): Refusal | null {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return null;
  const contentType = String(request.headers["content-type"] ?? "");
  const [mediaType = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  const type: BodyType | null =
    mediaType.toLowerCase() === "application/x-www-form-urlencoded"
      ? "form"
      : mediaType.toLowerCase() === "multipart/form-data" &&
          MULTIPART_ROUTES.some((r) => r.test(routePath(request.path)))
        ? "multipart"
        : null;
  if (!type) return { status: 415, title: UNREADABLE, body: FROM_THE_PAGE };
  if (type === "multipart" && !parameters.some((p) => /^boundary=./i.test(p)))
    return { status: 400, title: UNREADABLE, body: FROM_THE_PAGE };
  const declared = request.headers["content-length"];
  if (declared === undefined)
    return {
      status: 411,
      title: UNREADABLE,
      body: `It did not say how long it was. ${FROM_THE_PAGE}`,
    };
  if (Number(declared) > bodyLimit(request.path, type)) {
    return type === "multipart" && UPLOAD_ROUTES.some((r) => r.test(routePath(request.path)))
      ? {
          status: 413,
          title: "The file is too large",
          body: "The file must be smaller than 5 MB: split it into smaller files, then go back and upload each one.",
        }
      : {
          status: 413,
          title: "What you sent is too long",
          body: "The form holds more than Tandem accepts. Go back, shorten what you entered and try again.",
        };
  }
  return null;
}

/**
 * Express middleware: refuses a body by its headers, before anything parses it. A refused body of a size someone
 * might send by mistake is read and thrown away so that their browser shows the answer; a larger one, or one of
 * unknown length, is cut off unread.
 */
export function limitBodies(req: Request, res: Response, next: NextFunction) {
  const refusal = bodyRefusal(req);
  if (!refusal) return next();
  const declared = req.headers["content-length"];
  refuse(req, res, { ...refusal, close: declared === undefined || Number(declared) > DISCARD_LIMIT });
}
