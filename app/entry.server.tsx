import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logError } from "~/utils/error-log.server";
import { actionDataHasErrors, formErrorsStore } from "./utils/form-errors.server";
import { NonceProvider } from "./utils/nonce";

export const streamTimeout = 5_000;

/** Logs an unexpected error once, with its request's id; thrown Responses and aborted requests are not errors. */
function logUnexpected(error: unknown, request: Request, context: AppLoadContext) {
  if (request.signal.aborted || error instanceof Response || isRouteErrorResponse(error)) return;
  logError(error, {
    requestId: context.requestId ?? null,
    method: request.method,
    path: new URL(request.url).pathname,
  });
}

/** Remix calls this for errors in loaders, actions and rendering (its own default writes them unformatted). */
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  logUnexpected(error, request, context);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const hasFormErrors = actionDataHasErrors(remixContext.staticHandlerContext.actionData);
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = formErrorsStore.run(hasFormErrors, () =>
      renderToPipeableStream(
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>,
        {
          nonce,
          [waitForAll ? "onAllReady" : "onShellReady"]() {
            shellRendered = true;
            const body = new PassThrough();
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(
              new Response(createReadableStreamFromReadable(body), {
                headers: responseHeaders,
                status: responseStatusCode,
              }),
            );
            pipe(body);
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            responseStatusCode = 500;
            // Errors before the shell reject the render, and Remix hands them to handleError.
            if (shellRendered) logUnexpected(error, request, loadContext);
          },
        },
      ),
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
