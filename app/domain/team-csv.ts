// Reading the command line's people.csv, mentors.csv and teams.json into what the solver and pairing take.
// The CSV text is parsed by the caller (csv-parse) into records; this checks and converts them.
import { z } from "zod";
import type { PairingMentor } from "./mentor-pairing";
import type { TeamPerson, TeamSector } from "./team-formation";

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const SECTORS: TeamSector[] = ["government", "industry"];

function sectorOf(raw: string | undefined): TeamSector | null {
  const value = (raw ?? "").trim().toLowerCase();
  return (SECTORS as string[]).includes(value) ? (value as TeamSector) : null;
}

function requireColumns(records: Record<string, string>[], columns: string[], file: string, why: string) {
  const present = new Set(Object.keys(records[0] ?? {}));
  const missing = columns.filter((c) => !present.has(c));
  if (records.length === 0) return `${file} has no rows`;
  if (missing.length)
    return `${file} has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}: ${why}`;
  return null;
}

/** people.csv: `id, sector, organisation` and any further columns, which become attributes. */
export function readPeople(records: Record<string, string>[]): Read<TeamPerson[]> {
  const problem = requireColumns(
    records,
    ["id", "sector", "organisation"],
    "people.csv",
    "H2 sector needs each person's sector (government or industry), and C1 their organisation",
  );
  if (problem) return { ok: false, message: problem };
  const people: TeamPerson[] = [];
  const seen = new Set<string>();
  for (const [i, record] of records.entries()) {
    const id = record.id?.trim() ?? "";
    const row = i + 2;
    if (!id) return { ok: false, message: `people.csv row ${row}: the id is empty` };
    if (seen.has(id)) return { ok: false, message: `people.csv row ${row}: the id ${id} appears twice` };
    seen.add(id);
    const sector = sectorOf(record.sector);
    if (!sector)
      return {
        ok: false,
        message: `H2 sector: people.csv row ${row} (${id}) has sector "${record.sector ?? ""}"; it must be government or industry`,
      };
    const { id: _id, sector: _sector, organisation, ...attributes } = record;
    people.push({ id, sector, organisation: organisation?.trim() ?? "", attributes });
  }
  return { ok: true, value: people };
}

/** mentors.csv: `id, sector, organisation[, capacity][, preferences]` (preferences: team numbers, space or ; separated). */
export function readMentors(records: Record<string, string>[]): Read<PairingMentor[]> {
  const problem = requireColumns(
    records,
    ["id", "sector", "organisation"],
    "mentors.csv",
    "each mentor needs them",
  );
  if (problem) return { ok: false, message: problem };
  const mentors: PairingMentor[] = [];
  for (const [i, record] of records.entries()) {
    const row = i + 2;
    const id = record.id?.trim() ?? "";
    if (!id) return { ok: false, message: `mentors.csv row ${row}: the id is empty` };
    const sector = sectorOf(record.sector);
    if (!sector)
      return {
        ok: false,
        message: `mentors.csv row ${row} (${id}) has sector "${record.sector ?? ""}"; it must be government or industry`,
      };
    const capacityText = record.capacity?.trim() ?? "";
    if (capacityText && !/^\d+$/.test(capacityText))
      return { ok: false, message: `mentors.csv row ${row} (${id}): capacity must be a whole number` };
    const preferences = (record.preferences ?? "")
      .split(/[\s;]+/)
      .filter(Boolean)
      .map(Number)
      .filter(Number.isInteger);
    mentors.push({
      id,
      sector,
      organisation: record.organisation?.trim() ?? "",
      capacity: capacityText ? Number(capacityText) : 1,
      preferences,
    });
  }
  return { ok: true, value: mentors };
}

const TeamsFile = z.object({
  teams: z.array(z.object({ number: z.number().int().min(1), members: z.array(z.string()) })).min(1),
});

/** teams.json as `form-teams` prints it. */
export function readTeams(json: unknown): Read<Array<{ number: number; members: string[] }>> {
  const parsed = TeamsFile.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      message: 'teams.json must look like { "teams": [{ "number": 1, "members": ["id", ...] }] }',
    };
  return { ok: true, value: parsed.data.teams };
}
