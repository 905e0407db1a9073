// The one GOV.UK-styled error page every route's ErrorBoundary shows.
import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { errorPageOf } from "~/utils/error-pages";

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
  const page = errorPageOf(status);
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
