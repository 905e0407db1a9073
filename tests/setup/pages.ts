// The pages that show rows from the database, each with the people who use it: for the query-discipline test
// (query counts over HTTP) and the index test (query plans of the same pages' loaders).
import { existsSync, readdirSync } from "node:fs";
import type { Actor } from "./factories";
import type { SmallWorld } from "./scale";

export type Page = { who: Actor | "anonymous"; path: (w: SmallWorld) => string };

const cohort = (w: SmallWorld) => `/cohorts/${w.cohortA.id}`;
const programme = (w: SmallWorld) => `/programmes/${w.programme.id}`;
const team1 = (w: SmallWorld) => `${cohort(w)}/teams/${w.mentoring.team1}`;
const visit = (w: SmallWorld) => `${cohort(w)}/visits/${w.visitId}`;

/** Every page with data on it, by route file, each as the people who use it. */
export const PAGES: Record<string, Page[]> = {
  _index: (
    ["admin", "coordinator", "mentor", "participant", "leader", "sponsor", "otherCohort"] as const
  ).map((who) => ({ who, path: () => "/" })),
  profile: [{ who: "coordinator", path: () => "/profile" }],
  // One person's own passkeys (a handful): read by the person, through the index on person_id.
  "profile_.passkeys._index": [{ who: "coordinator", path: () => "/profile/passkeys" }],
  "profile_.two-step-verification": [{ who: "coordinator", path: () => "/profile/two-step-verification" }],
  "confirm-it-is-you": [{ who: "admin", path: () => "/confirm-it-is-you?redirectTo=/programmes" }],
  "programmes._index": [{ who: "admin", path: () => "/programmes" }],
  "programmes.new": [{ who: "admin", path: () => "/programmes/new" }],
  "programmes.$programmeId._index": [{ who: "admin", path: programme }],
  "programmes.$programmeId.edit": [{ who: "admin", path: (w) => `${programme(w)}/edit` }],
  "programmes.$programmeId.cohorts.new": [{ who: "admin", path: (w) => `${programme(w)}/cohorts/new` }],
  "programmes.$programmeId.report._index": [
    { who: "admin", path: (w) => `${programme(w)}/report` },
    { who: "coordinator", path: (w) => `${programme(w)}/report` },
  ],
  "programmes.$programmeId.report.$table[.csv]": [
    { who: "admin", path: (w) => `${programme(w)}/report/cohorts.csv` },
  ],
  "programmes.$programmeId.retention": [{ who: "admin", path: (w) => `${programme(w)}/retention` }],
  "cohorts.$cohortId._index": [{ who: "coordinator", path: cohort }],
  "cohorts.$cohortId.edit": [{ who: "coordinator", path: (w) => `${cohort(w)}/edit` }],
  "cohorts.$cohortId.people._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/people` }],
  "cohorts.$cohortId.people.invite": [{ who: "coordinator", path: (w) => `${cohort(w)}/people/invite` }],
  "cohorts.$cohortId.people.$personId.link": [
    { who: "coordinator", path: (w) => `${cohort(w)}/people/${w.people.participant.id}/link` },
  ],
  "cohorts.$cohortId.organisations._index": [
    { who: "coordinator", path: (w) => `${cohort(w)}/organisations` },
  ],
  "cohorts.$cohortId.organisations.new": [
    { who: "coordinator", path: (w) => `${cohort(w)}/organisations/new` },
  ],
  "cohorts.$cohortId.organisations.$organisationId": [
    { who: "coordinator", path: (w) => `${cohort(w)}/organisations/${w.industry.id}` },
  ],
  "cohorts.$cohortId.nominations._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/nominations` }],
  "cohorts.$cohortId.nominations.import": [
    { who: "coordinator", path: (w) => `${cohort(w)}/nominations/import` },
  ],
  "cohorts.$cohortId.nominations.$personId": [
    { who: "coordinator", path: (w) => `${cohort(w)}/nominations/${w.people.participant.id}` },
  ],
  "cohorts.$cohortId.visits._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/visits` }],
  "cohorts.$cohortId.visits.plan": [{ who: "coordinator", path: (w) => `${cohort(w)}/visits/plan` }],
  "cohorts.$cohortId.visits.$visitId._index": [
    { who: "coordinator", path: visit },
    { who: "participant", path: visit },
  ],
  "cohorts.$cohortId.visits.$visitId.edit": [{ who: "coordinator", path: (w) => `${visit(w)}/edit` }],
  "cohorts.$cohortId.visits.$visitId.cancel": [{ who: "coordinator", path: (w) => `${visit(w)}/cancel` }],
  "cohorts.$cohortId.visits.$visitId.attendance": [
    { who: "coordinator", path: (w) => `${visit(w)}/attendance` },
  ],
  "cohorts.$cohortId.visits.$visitId.calendar[.ics]": [
    { who: "participant", path: (w) => `${visit(w)}/calendar.ics` },
  ],
  "cohorts.$cohortId.calendar[.ics]": [{ who: "coordinator", path: (w) => `${cohort(w)}/calendar.ics` }],
  "cohorts.$cohortId.attendance": [{ who: "coordinator", path: (w) => `${cohort(w)}/attendance` }],
  "cohorts.$cohortId.schedule": [
    { who: "coordinator", path: (w) => `${cohort(w)}/schedule` },
    { who: "participant", path: (w) => `${cohort(w)}/schedule` },
  ],
  "cohorts.$cohortId.milestones.$kind": [
    { who: "participant", path: (w) => `${cohort(w)}/milestones/mid-point` },
  ],
  "cohorts.$cohortId.milestones.$kind.calendar[.ics]": [
    { who: "participant", path: (w) => `${cohort(w)}/milestones/kick-off/calendar.ics` },
  ],
  "cohorts.$cohortId.teams._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/teams` }],
  "cohorts.$cohortId.teams.keep-apart": [
    { who: "coordinator", path: (w) => `${cohort(w)}/teams/keep-apart` },
  ],
  "cohorts.$cohortId.teams.names": [{ who: "coordinator", path: (w) => `${cohort(w)}/teams/names` }],
  "cohorts.$cohortId.teams.mentors": [{ who: "coordinator", path: (w) => `${cohort(w)}/teams/mentors` }],
  // The confirmation pages of changing published teams, drawn for a proposal out of date (version 0).
  "cohorts.$cohortId.teams.regenerate": [
    {
      who: "coordinator",
      path: (w) =>
        `${cohort(w)}/teams/regenerate?version=0&balance=profession&weightColleagues=100&weightNotAlone=10&weightBalance=1&proposal=${w.people.participant.id}-${w.mentoring.teammate.id}`,
    },
  ],
  "cohorts.$cohortId.teams.pair-mentors-again": [
    { who: "coordinator", path: (w) => `${cohort(w)}/teams/pair-mentors-again?version=0` },
  ],
  "cohorts.$cohortId.teams.versions.$versionId": [
    { who: "coordinator", path: (w) => `${cohort(w)}/teams/versions/${w.teamVersionId}` },
  ],
  "cohorts.$cohortId.team": [
    { who: "participant", path: (w) => `${cohort(w)}/team` },
    { who: "mentor", path: (w) => `${cohort(w)}/team` },
  ],
  "cohorts.$cohortId.teams.$teamId._index": [
    { who: "coordinator", path: team1 },
    { who: "mentor", path: team1 },
    { who: "participant", path: team1 },
  ],
  "cohorts.$cohortId.teams.$teamId.sessions.new": [
    { who: "mentor", path: (w) => `${team1(w)}/sessions/new` },
  ],
  "cohorts.$cohortId.teams.$teamId.sessions.$sessionId._index": [
    { who: "mentor", path: (w) => `${team1(w)}/sessions/${w.mentoring.session1}` },
  ],
  "cohorts.$cohortId.teams.$teamId.sessions.$sessionId.edit": [
    { who: "mentor", path: (w) => `${team1(w)}/sessions/${w.mentoring.session1}/edit` },
  ],
  "cohorts.$cohortId.teams.$teamId.statement._index": [
    { who: "participant", path: (w) => `${team1(w)}/statement` },
    { who: "mentor", path: (w) => `${team1(w)}/statement` },
  ],
  "cohorts.$cohortId.teams.$teamId.statement.edit": [
    { who: "participant", path: (w) => `${team1(w)}/statement/edit` },
  ],
  "cohorts.$cohortId.teams.$teamId.statement.history": [
    { who: "mentor", path: (w) => `${team1(w)}/statement/history` },
  ],
  "cohorts.$cohortId.health": [{ who: "coordinator", path: (w) => `${cohort(w)}/health` }],
  "cohorts.$cohortId.statements": [
    { who: "coordinator", path: (w) => `${cohort(w)}/statements` },
    { who: "participant", path: (w) => `${cohort(w)}/statements` },
  ],
  "calendar.$token[.ics]": [{ who: "anonymous", path: (w) => `/calendar/${w.feedToken}.ics` }],
  "calendar.$token.cohorts.$cohortId[.ics]": [
    { who: "anonymous", path: (w) => `/calendar/${w.feedToken}/cohorts/${w.cohortA.id}.ics` },
  ],
  "cohorts.$cohortId.pitch-day._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/pitch-day` }],
  "cohorts.$cohortId.pitch-day.event": [{ who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/event` }],
  "cohorts.$cohortId.pitch-day.order": [{ who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/order` }],
  "cohorts.$cohortId.pitch-day.panel": [{ who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/panel` }],
  "cohorts.$cohortId.pitch-day.rubric": [
    { who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/rubric` },
  ],
  "cohorts.$cohortId.pitch-day.open-scoring": [
    { who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/open-scoring` },
  ],
  "cohorts.$cohortId.pitch-day.release": [
    { who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/release` },
  ],
  "cohorts.$cohortId.pitch-day.withdraw.$teamId": [
    { who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/withdraw/${w.mentoring.team1}` },
  ],
  "cohorts.$cohortId.pitch-day.results": [
    { who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/results` },
  ],
  "cohorts.$cohortId.pitch-day.sheets[.csv]": [
    { who: "coordinator", path: (w) => `${cohort(w)}/pitch-day/sheets.csv` },
  ],
  "cohorts.$cohortId.pitch-day.timetable": [
    { who: "participant", path: (w) => `${cohort(w)}/pitch-day/timetable` },
    { who: "leader", path: (w) => `${cohort(w)}/pitch-day/timetable` },
  ],
  "cohorts.$cohortId.pitch-day.scoring._index": [
    { who: "leader", path: (w) => `${cohort(w)}/pitch-day/scoring` },
  ],
  "cohorts.$cohortId.pitch-day.scoring.$teamId": [
    { who: "leader", path: (w) => `${cohort(w)}/pitch-day/scoring/${w.mentoring.team1}` },
  ],
  "cohorts.$cohortId.pitch-day.feedback": [
    { who: "participant", path: (w) => `${cohort(w)}/pitch-day/feedback` },
    { who: "mentor", path: (w) => `${cohort(w)}/pitch-day/feedback` },
  ],
  "cohorts.$cohortId.report._index": [
    { who: "coordinator", path: (w) => `${cohort(w)}/report` },
    { who: "sponsor", path: (w) => `${cohort(w)}/report` },
  ],
  "cohorts.$cohortId.report.$table[.csv]": [
    { who: "coordinator", path: (w) => `${cohort(w)}/report/attendance-by-person.csv` },
  ],
  "cohorts.$cohortId.report.summary": [{ who: "coordinator", path: (w) => `${cohort(w)}/report/summary` }],
  "cohorts.$cohortId.skills._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/skills` }],
  "cohorts.$cohortId.skills.$phase": [{ who: "participant", path: (w) => `${cohort(w)}/skills/start` }],
  "cohorts.$cohortId.outcomes._index": [{ who: "coordinator", path: (w) => `${cohort(w)}/outcomes` }],
  "cohorts.$cohortId.outcomes.$teamId": [
    { who: "coordinator", path: (w) => `${cohort(w)}/outcomes/${w.mentoring.team1}` },
  ],
  "people.$personId._index": [
    { who: "admin", path: (w) => `/people/${w.people.participant.id}` },
    // The person's own page (a coordinator may not see it: issue 13, finding 1).
    { who: "participant", path: (w) => `/people/${w.people.participant.id}` },
  ],
  "people.$personId.data[.json]": [
    { who: "participant", path: (w) => `/people/${w.people.participant.id}/data.json` },
  ],
  "people.$personId.anonymise": [
    { who: "admin", path: (w) => `/people/${w.people.participant.id}/anonymise` },
  ],
  audit: [
    { who: "admin", path: () => "/audit" },
    { who: "coordinator", path: () => "/audit" },
  ],
  "admin.outbox._index": [{ who: "admin", path: () => "/admin/outbox" }],
  "admin.administrators._index": [{ who: "admin", path: () => "/admin/administrators" }],
  "admin.outbox.$messageId._index": [{ who: "admin", path: (w) => `/admin/outbox/${w.messageId}` }],
  "admin.outbox.$messageId.html": [{ who: "admin", path: (w) => `/admin/outbox/${w.messageId}/html` }],
  "admin.identity-providers._index": [{ who: "admin", path: () => "/admin/identity-providers" }],
};

/** Route files that show no rows from the database, so their query count cannot grow. */
export const WITHOUT_ROWS = [
  "$",
  "accessibility",
  // One identity provider's form, and the pages of signing in through one: no lists.
  "admin.identity-providers.$providerId",
  "admin.identity-providers.new",
  "signed-out",
  "sso.callback",
  "sso.start",
  "cookies",
  "forgotten-password",
  "how-teams-are-formed",
  "pitch-scoring",
  "privacy",
  // The passkey ceremonies' endpoints (POST only), and the pages of one passkey (one row, by its id and owner).
  "passkeys.confirm",
  "passkeys.sign-in",
  "profile_.passkeys.$passkeyId._index",
  "profile_.passkeys.$passkeyId.remove",
  "profile_.passkeys.register",
  "set-password.$token",
  "sign-in",
  // One person's pending sign-in, or (the administrator's reset, after step-up) one person's second factor.
  "sign-in_.code",
  "two-step-verification.set-up",
  "two-step-verification.recovery-codes",
  "people.$personId.reset-second-factor",
  // A form (appointing an administrator) with nothing from the database on it.
  "admin.administrators.new",
  "sign-out",
  "unsubscribe.$token",
];

/** Every route module: a file in app/routes, or a folder's route.tsx (its parts beside it are not routes). */
export function routeModules(): Array<{ id: string; file: string }> {
  return readdirSync("app/routes", { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return existsSync(`app/routes/${entry.name}/route.tsx`)
        ? [{ id: entry.name, file: `${entry.name}/route.tsx` }]
        : [];
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ id: entry.name.replace(/\.tsx?$/, ""), file: entry.name }];
  });
}

export function routeIds(): string[] {
  return routeModules().map((route) => route.id);
}

/** The route parameters a path gives a route: `cohorts.$cohortId.teams` and `/cohorts/4/teams` give cohortId 4. */
export function routeParams(route: string, path: string): Record<string, string> {
  const segments = route
    .replace(/\[\.\w+\]/g, "")
    .split(".")
    .filter((segment) => segment !== "_index");
  const parts = path
    .split("/")
    .filter(Boolean)
    .map((part) => part.replace(/\.(ics|csv|json)$/, ""));
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries())
    if (segment.startsWith("$") && parts[i] !== undefined) params[segment.slice(1)] = parts[i]!;
  return params;
}
