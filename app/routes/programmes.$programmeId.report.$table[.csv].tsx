import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { requireProgrammeReader } from "~/auth/programme-access.server";
import { programmeFigures, programmeTables } from "~/domain/report";
import { programmeCohortRows } from "~/models/report.server";
import { csvResponse, slug } from "~/utils/csv-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { programme } = await requireProgrammeReader(context, request, params.programmeId);
  const tables = programmeTables(programmeFigures(await programmeCohortRows(context.db, programme.id)));
  const table = tables.find((t) => t.key === params.table);
  if (!table) notFound("Table");
  return csvResponse(table, `${slug(programme.name)}-${table.key}.csv`);
}
