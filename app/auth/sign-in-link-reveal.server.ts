// A new one-time sign-in link (an invitation or a password reset made by a coordinator) is shown once, on the
// person's link page straight after it is made: the session keeps it until that page reads it.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { setReveal, takeReveal } from "~/models/account.server";
import { absoluteUrl } from "~/utils/links.server";
import { paths } from "~/utils/paths";

const Revealed = z.object({ personId: z.number(), url: z.string(), expiresAt: z.string() });

/** Keeps the person's new link in the session, for their link page (`paths.cohort(id).personLink`) to show. */
export async function revealSignInLink(
  context: AppLoadContext,
  request: Request,
  sessionId: string,
  personId: number,
  link: { token: string; expiresAt: string },
) {
  const revealed: z.infer<typeof Revealed> = {
    personId,
    url: absoluteUrl(request, paths.setPassword(link.token)),
    expiresAt: link.expiresAt,
  };
  await setReveal(context.db, sessionId, JSON.stringify(revealed));
}

/** The link kept for this person, forgotten as it is read: null when there is none, or it is someone else's. */
export async function takeRevealedSignInLink(context: AppLoadContext, sessionId: string, personId: number) {
  const raw = await takeReveal(context.db, sessionId);
  const parsed = raw ? Revealed.safeParse(JSON.parse(raw)) : null;
  return parsed?.success && parsed.data.personId === personId ? parsed.data : null;
}
