// The one-time key of a form that creates a record: the id of the request that drew the page (the root loader's),
// so the same form sent twice (a double click, a retried request) creates one record (commands' `run(…, { once })`).
import { useRouteLoaderData } from "@remix-run/react";

export function OnceOnly() {
  const requestId = useRouteLoaderData<{ requestId: string }>("root")?.requestId;
  return requestId ? <input type="hidden" name="once" value={requestId} /> : null;
}
