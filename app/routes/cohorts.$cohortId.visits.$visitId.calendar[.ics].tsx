// One visit as an .ics file, for anyone in the cohort.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVisit } from "~/auth/visit-access.server";
import { buildCalendar } from "~/domain/icalendar";
import { visitEvent } from "~/models/visit.server";
import { icsResponse } from "~/utils/calendar-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit } = await requireVisit(context, request, params);
  const text = buildCalendar({
    name: `${cohort.name}: visit to ${visit.host_name}`,
    milestones: [],
    visits: [visitEvent(cohort.name, visit)],
    stamp: new Date(),
  });
  return icsResponse(text, `visit-${visit.host_name}-${visit.date}.ics`);
}
