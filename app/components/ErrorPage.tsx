// The one GOV.UK-styled error page every route's ErrorBoundary shows.
import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";

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
};

const FALLBACK = {
  title: "Sorry, there is a problem with the service",
  body: "Try again later. Anything you entered before this page may not have been saved.",
};

/** The heading (and page title) for an error thrown by a loader or action. */
export function errorTitle(error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (PAGES[status] ?? FALLBACK).title;
}

export function ErrorPage() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const unexpected = !isRouteErrorResponse(error);
  // The server logs unexpected errors with this request's id (app/entry.server.tsx); the browser's console gets
  // the ones met in the browser. Missing when the root loader itself failed.
  const requestId = useRouteLoaderData<{ requestId: string }>("root")?.requestId;
  useEffect(() => {
    if (unexpected) console.error(error);
  }, [error, unexpected]);
  const page = PAGES[status] ?? FALLBACK;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{page.title}</h1>
        <p className="govuk-body">{page.body}</p>
        {unexpected && requestId ? (
          <p className="govuk-body">
            If you contact us about it, quote this reference: <strong>{requestId}</strong>
          </p>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to your Tandem home page
          </Link>
        </p>
      </div>
    </div>
  );
}

/** Re-exported by every route module as its ErrorBoundary. */
export function RouteErrorBoundary() {
  return <ErrorPage />;
}
