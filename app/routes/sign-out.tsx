import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { clientAddress } from "~/auth/guards.server";
import { endSession, getSessionUser } from "~/auth/session.server";
import { recordAudit } from "~/models/audit.server";

// Signing out changes state, so only POST does it; a GET goes home.
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(context, request);
  if (user) {
    await recordAudit(context.db, {
      actorId: user.personId,
      action: "sign_out",
      subjectType: "person",
      subjectId: user.personId,
      address: clientAddress(context),
    });
  }
  return endSession(context, request, "/sign-in");
}
