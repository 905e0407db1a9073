// What the error page says, by status: its heading (also the page title) and what to do next.
import { isRouteErrorResponse } from "@remix-run/react";

const PAGES: Record<number, { title: string; body: string }> = {
  400: { title: "There is a problem with that request", body: "Go back and try again." },
  403: {
    title: "You do not have permission to see this page",
    body: "If you think you should, ask your cohort coordinator to check your role.",
  },
  404: {
    title: "Page not found",
    body: "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.",
  },
  405: { title: "That action is not available here", body: "Go back and try again." },
  411: { title: "There is a problem with that request", body: "Go back and send the form again." },
  413: {
    title: "What you sent is too large",
    body: "Go back and send less: a shorter text, or a smaller file (a nominations file can be up to 5 MB).",
  },
  415: { title: "There is a problem with that request", body: "Go back and send the form again." },
  429: {
    title: "You have tried too many times",
    body: "Wait a few minutes, then try again.",
  },
};

const FALLBACK = {
  title: "Sorry, there is a problem with the service",
  body: "Try again later. Anything you entered before this page may not have been saved.",
};

/** What the error page says for an answer with this status. */
export function errorPageOf(status: number) {
  return PAGES[status] ?? FALLBACK;
}

/** The heading (and page title) for an error thrown by a loader or action. */
export function errorTitle(error: unknown): string {
  return errorPageOf(isRouteErrorResponse(error) ? error.status : 500).title;
}
