import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientAddress } from "~/auth/guards.server";
import { requirePersonalDataAccess } from "~/auth/personal-data-access.server";
import { recordAudit } from "~/models/audit.server";
import { exportPersonalData } from "~/models/personal-data.server";

/** Everything Tandem holds about a person, as a JSON download (a subject access request). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, person } = await requirePersonalDataAccess(context, request, params.personId);
  const db = context.db;
  const exported = await exportPersonalData(db, person.id);
  // Reading someone's whole record is worth tracing, though it changes nothing.
  await recordAudit(db, {
    actorId: user.personId,
    action: "person.data_exported",
    subjectType: "person",
    subjectId: person.id,
    address: clientAddress(context),
  });
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tandem-personal-data-${person.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
