// An email's HTML part on its own, for the sandboxed frame on the email's Outbox page. The server gives this
// address its own Content-Security-Policy (app/domain/mail/preview.ts, set in server/app.ts): no script runs, nothing
// is fetched, and only Tandem's own pages may frame it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound, requireSitePermission } from "~/auth/guards.server";
import { previewDocument } from "~/domain/mail/preview";
import { getMessage } from "~/models/outbox.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireSitePermission(context, request, "outbox:manage");
  const message = await getMessage(context.db, idParam(params.messageId, "Email"));
  if (!message) notFound("Email");
  return new Response(previewDocument(message.html_body), {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}
