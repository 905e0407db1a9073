import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { actorOf } from "~/auth/guards.server";
import { endSession, getSessionUser } from "~/auth/session.server";
import { signOut } from "~/commands/accounts.server";
import { run } from "~/commands/runner.server";
import { paths } from "~/utils/paths";

// Signing out changes state, so only POST does it; a GET goes home.
export function loader() {
  return redirect(paths.home());
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(context, request);
  if (user) await run(context.db, actorOf(context, user), signOut, { personId: user.personId });
  return endSession(context, request, paths.signIn());
}
