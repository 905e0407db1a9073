import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { programmeFigures, programmeTables } from "~/domain/report";
import { programmeCohortRows } from "~/models/report.server";
import { requireProgrammeReader } from "~/programme-access.server";
import { csvResponse, slug } from "~/report.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme } = await requireProgrammeReader(request, params.programmeId);
  const tables = programmeTables(programmeFigures(await programmeCohortRows(getDb(), programme.id)));
  const table = tables.find((t) => t.key === params.table);
  if (!table) notFound("Table");
  return csvResponse(table, `${slug(programme.name)}-${table.key}.csv`);
}
