import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, forbidden } from "~/auth/guards.server";
import { requirePersonalDataAccess } from "~/auth/personal-data-access.server";
import { exportPersonData } from "~/commands/people.server";
import { run } from "~/commands/runner.server";

/** Everything Tandem holds about a person, as a JSON download (a subject access request). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, person } = await requirePersonalDataAccess(context, request, params.personId);
  const outcome = await run(context.db, actorOf(context, user), exportPersonData, { personId: person.id });
  if (!outcome.ok) {
    if ("forbidden" in outcome) forbidden();
    throw new Response("Personal data could not be exported", { status: 500 });
  }
  return new Response(JSON.stringify(outcome.exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tandem-personal-data-${person.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
