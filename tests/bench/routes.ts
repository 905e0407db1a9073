// The routes the load benchmark drives, each as the signed-in person who would use it, over a bench dataset.
import type { Db } from "../../db/connection";
import type { Dataset } from "./dataset";
import type { Route } from "./load";
import { benchSessionCookie } from "./server";

const WORKED_WELL =
  "A clear problem, backed by interviews with caseworkers; the prototype made the idea easy to follow.";
const COULD_BE_BETTER = "Say who in the department would run it, and what it would cost each year.";

/** Signs the people in (sessions made in the database) and returns the routes, the floor first. */
export async function benchRoutes(db: Db, data: Dataset): Promise<Route[]> {
  const cohort = `/cohorts/${data.cohortId}`;
  const cookie = async (personId: number) => ({ Cookie: await benchSessionCookie(db, personId) });
  const participant = await cookie(data.participantId);
  const mentor = await cookie(data.mentorId);
  const coordinator = await cookie(data.coordinatorId);
  const leaders = new Map<number, Record<string, string>>();
  for (const sheet of data.draftSheets)
    if (!leaders.has(sheet.leaderId)) leaders.set(sheet.leaderId, await cookie(sheet.leaderId));

  const page = (
    name: string,
    path: string,
    as: { headers: Record<string, string>; personId: number } | null,
  ): Route => ({
    name,
    method: "GET",
    expected: 200,
    connection: () => ({ path, headers: as?.headers ?? {} }),
    logged: (line) => line.method === "GET" && line.path === path && line.personId === (as?.personId ?? null),
  });
  const signedIn = (headers: Record<string, string>, personId: number) => ({ headers, personId });

  // Each connection saves its own leader's draft sheet for one team, so versions never collide: the version
  // it sends rises by one with every save the server accepts (a 302 back to the sheet). Before each run the
  // versions are read again, since saves still in flight when the previous run stopped went through.
  const sheetPath = (teamId: number) => `${cohort}/pitch-day/scoring/${teamId}`;
  const sheetForm = (version: number) =>
    new URLSearchParams([
      ["version", String(version)],
      ...data.criterionIds.slice(0, 4).map((id, i) => [`scores.${id}`, String(1 + ((version + i) % 5))]),
      ["workedWell", WORKED_WELL],
      ["couldBeBetter", COULD_BE_BETTER],
      ["intent", "save"],
    ]).toString();
  const scoring: Route = {
    name: "scoring sheet POST (leader)",
    method: "POST",
    expected: 302,
    maxConnections: data.draftSheets.length,
    prepare: async () => {
      const saved = await db
        .selectFrom("scoring_sheets")
        .where("person_id", "in", [...leaders.keys()])
        .where("team_id", "in", [...new Set(data.draftSheets.map((s) => s.teamId))])
        .select(["person_id", "team_id", "version"])
        .execute();
      for (const sheet of data.draftSheets)
        sheet.version =
          saved.find((s) => s.person_id === sheet.leaderId && s.team_id === sheet.teamId)?.version ??
          sheet.version;
    },
    connection: (index, origin) => {
      const sheet = data.draftSheets[index % data.draftSheets.length]!;
      let version = sheet.version;
      return {
        path: sheetPath(sheet.teamId),
        headers: {
          ...leaders.get(sheet.leaderId)!,
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: origin,
          "Sec-Fetch-Site": "same-origin",
        },
        body: sheetForm(version),
        check: (status, location) => {
          if (status !== 302 || location !== sheetPath(sheet.teamId)) return { ok: false };
          version += 1;
          sheet.version = version;
          return { ok: true, nextBody: sheetForm(version) };
        },
      };
    },
    logged: (line) => line.method === "POST" && line.path.startsWith(`${cohort}/pitch-day/scoring/`),
  };

  return [
    page("static page (floor)", "/accessibility", null),
    page("home (participant)", "/", signedIn(participant, data.participantId)),
    page("home (mentor)", "/", signedIn(mentor, data.mentorId)),
    page("home (coordinator)", "/", signedIn(coordinator, data.coordinatorId)),
    page("cohort schedule (participant)", `${cohort}/schedule`, signedIn(participant, data.participantId)),
    page("team page (mentor)", `${cohort}/teams/${data.teamId}`, signedIn(mentor, data.mentorId)),
    page("team health (coordinator)", `${cohort}/health`, signedIn(coordinator, data.coordinatorId)),
    page(
      "pitch results (coordinator)",
      `${cohort}/pitch-day/results`,
      signedIn(coordinator, data.coordinatorId),
    ),
    scoring,
  ];
}
