// Every route, the URL the tests ask for in a world made for them, and who may use it: the authorisation matrix
// checks the guards' answers from it, and the malformed-request test posts to every action in it as everyone.
import { unsubscribeToken } from "~/auth/unsubscribe.server";
import { addIdentityProvider } from "~/commands/identity-providers.server";
import { run, SYSTEM } from "~/commands/runner.server";
import { createOneTimeLink } from "~/models/account.server";
import { enqueueMessages, listMessages } from "~/models/outbox.server";
import { insertPasskey } from "~/models/passkey.server";
import type { Db } from "../../db/connection";
import { cohortSetupWorld } from "./cohort-setup";
import { type Actor, makeWorld, makeWorldPitchDay, type World } from "./factories";
import { type MentoringWorld, makeMentoringTeams } from "./mentoring";
import { reportWorld } from "./report";
import { TEST_SESSION_SECRET } from "./server";

export type Who = Actor | "anonymous";
export const EVERYONE: Who[] = [
  "anonymous",
  "admin",
  "coordinator",
  "mentor",
  "participant",
  "leader",
  "otherCohort",
  "sponsor",
];
export const SIGNED_IN = EVERYONE.filter((who) => who !== "anonymous");

export type Rule = {
  path: (w: MatrixWorld) => string;
  /** Who gets through; everyone else is refused (403), or sent to sign in when signed out. */
  allowed: Who[];
  /** Exact statuses where the outcome is not the usual one (200 for GET; anything but 401/403/sign-in for POST). */
  status?: Partial<Record<Who, number>>;
};

export type Entry = { GET?: Rule; POST?: Rule };
export type MatrixWorld = World & {
  token: string;
  unsubscribeToken: string;
  visitId: number;
  feedToken: string;
  pitchTeamId: number;
  teamId: number;
  mentoring: MentoringWorld;
  messageId: number;
  /** A passkey of the world's participant (never used to sign in: its key is made up). */
  passkeyId: number;
  identityProviderId: number;
};

const cohort = (w: World) => `/cohorts/${w.cohortA.id}`;
const programme = (w: World) => `/programmes/${w.programme.id}`;
const COORDINATION: Who[] = ["coordinator", "admin"];
const ADMIN: Who[] = ["admin"];
const MEMBERS: Who[] = ["coordinator", "mentor", "participant", "leader", "admin"];
const REPORT_READERS: Who[] = ["coordinator", "admin", "sponsor"];
const PROGRAMME_READERS: Who[] = ["admin", "coordinator", "otherCohort"];
/** Team 1 of cohort A: the world's participant and mentor are in it. */
const team = (w: MatrixWorld) => `${cohort(w)}/teams/${w.mentoring.team1}`;
const TEAM: Who[] = ["coordinator", "mentor", "participant", "admin"];
const signedInGoHome = Object.fromEntries(SIGNED_IN.map((who) => [who, 302]));
const fromEveryone = (status: number) => Object.fromEntries(EVERYONE.map((who) => [who, status]));
/** The world's passkey is the participant's: `own` for them, 404 for everyone else signed in. */
const othersPasskey = (own: number) =>
  Object.fromEntries(SIGNED_IN.map((who) => [who, who === "participant" ? own : 404]));

/** One entry per route file in app/routes; a route without one fails the authorisation matrix test. */
export const MATRIX: Record<string, Entry> = {
  _index: { GET: { path: () => "/", allowed: SIGNED_IN } },
  "sign-in": {
    GET: { path: () => "/sign-in", allowed: EVERYONE, status: signedInGoHome },
    // An empty form is refused (400) when signed out; someone already signed in is sent home.
    POST: { path: () => "/sign-in", allowed: EVERYONE, status: { anonymous: 400, ...signedInGoHome } },
  },
  "sign-out": {
    GET: {
      path: () => "/sign-out",
      allowed: EVERYONE,
      status: Object.fromEntries(EVERYONE.map((w) => [w, 302])),
    },
    POST: { path: () => "/sign-out", allowed: EVERYONE },
  },
  "set-password.$token": {
    GET: { path: (w) => `/set-password/${w.token}`, allowed: EVERYONE },
    POST: { path: (w) => `/set-password/${w.token}`, allowed: EVERYONE },
  },
  // An empty form is refused (400: no email address), so the matrix asks for no reset link.
  "forgotten-password": {
    GET: { path: () => "/forgotten-password", allowed: EVERYONE },
    POST: { path: () => "/forgotten-password", allowed: EVERYONE, status: fromEveryone(400) },
  },
  // The second step of signing in and setting up two-step verification: only with a pending sign-in's cookie, which
  // nobody here has (a session is not one), so everyone is sent to the sign-in page.
  "sign-in_.code": {
    GET: { path: () => "/sign-in/code", allowed: EVERYONE, status: fromEveryone(302) },
    POST: { path: () => "/sign-in/code", allowed: EVERYONE, status: fromEveryone(302) },
  },
  "two-step-verification.set-up": {
    GET: { path: () => "/two-step-verification/set-up", allowed: EVERYONE, status: fromEveryone(302) },
    POST: { path: () => "/two-step-verification/set-up", allowed: EVERYONE, status: fromEveryone(302) },
  },
  "two-step-verification.recovery-codes": {
    GET: {
      path: () => "/two-step-verification/recovery-codes",
      allowed: EVERYONE,
      status: fromEveryone(302),
    },
    POST: {
      path: () => "/two-step-verification/recovery-codes",
      allowed: EVERYONE,
      status: fromEveryone(302),
    },
  },
  // Step-up: anyone signed in confirms it is them (an empty form is refused, 400).
  "confirm-it-is-you": {
    GET: { path: () => "/confirm-it-is-you?redirectTo=/profile", allowed: SIGNED_IN },
    POST: { path: () => "/confirm-it-is-you?redirectTo=/profile", allowed: SIGNED_IN },
  },
  // Each person's own two-step verification (an empty form is refused, 400: no button pressed).
  "profile_.two-step-verification": {
    GET: { path: () => "/profile/two-step-verification", allowed: SIGNED_IN },
    POST: { path: () => "/profile/two-step-verification", allowed: SIGNED_IN },
  },
  accessibility: { GET: { path: () => "/accessibility", allowed: EVERYONE } },
  privacy: { GET: { path: () => "/privacy", allowed: EVERYONE } },
  cookies: { GET: { path: () => "/cookies", allowed: EVERYONE } },
  $: {
    GET: {
      path: () => "/no/such/page",
      allowed: EVERYONE,
      status: Object.fromEntries(EVERYONE.map((w) => [w, 404])),
    },
    POST: {
      path: () => "/no/such/page",
      allowed: EVERYONE,
      status: Object.fromEntries(EVERYONE.map((w) => [w, 404])),
    },
  },
  "programmes._index": { GET: { path: () => "/programmes", allowed: ADMIN } },
  "programmes.new": {
    GET: { path: () => "/programmes/new", allowed: ADMIN },
    POST: { path: () => "/programmes/new", allowed: ADMIN },
  },
  "programmes.$programmeId._index": { GET: { path: programme, allowed: ADMIN } },
  "programmes.$programmeId.edit": {
    GET: { path: (w) => `${programme(w)}/edit`, allowed: ADMIN },
    POST: { path: (w) => `${programme(w)}/edit`, allowed: ADMIN },
  },
  "programmes.$programmeId.cohorts.new": {
    GET: { path: (w) => `${programme(w)}/cohorts/new`, allowed: ADMIN },
    POST: { path: (w) => `${programme(w)}/cohorts/new`, allowed: ADMIN },
  },
  "cohorts.$cohortId._index": { GET: { path: cohort, allowed: COORDINATION } },
  "cohorts.$cohortId.edit": {
    GET: { path: (w) => `${cohort(w)}/edit`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/edit`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.people._index": { GET: { path: (w) => `${cohort(w)}/people`, allowed: COORDINATION } },
  "cohorts.$cohortId.people.invite": {
    GET: { path: (w) => `${cohort(w)}/people/invite`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/people/invite`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.people.$personId.link": {
    GET: { path: (w) => `${cohort(w)}/people/${w.people.participant.id}/link`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/people/${w.people.participant.id}/link`, allowed: COORDINATION },
  },
  "pitch-scoring": { GET: { path: () => "/pitch-scoring", allowed: SIGNED_IN } },
  "cohorts.$cohortId.teams._index": {
    GET: { path: (w) => `${cohort(w)}/teams`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/teams`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.teams.keep-apart": {
    GET: { path: (w) => `${cohort(w)}/teams/keep-apart`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/teams/keep-apart`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.teams.names": {
    GET: { path: (w) => `${cohort(w)}/teams/names`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/teams/names`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.teams.mentors": {
    GET: { path: (w) => `${cohort(w)}/teams/mentors`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/teams/mentors`, allowed: COORDINATION },
  },
  // Without a proposal in the address the confirmation pages go back to the teams (or mentors) page.
  "cohorts.$cohortId.teams.regenerate": {
    GET: {
      path: (w) => `${cohort(w)}/teams/regenerate`,
      allowed: COORDINATION,
      status: { coordinator: 302, admin: 302 },
    },
    POST: { path: (w) => `${cohort(w)}/teams/regenerate`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.teams.pair-mentors-again": {
    GET: {
      path: (w) => `${cohort(w)}/teams/pair-mentors-again`,
      allowed: COORDINATION,
      status: { coordinator: 302, admin: 302 },
    },
    POST: { path: (w) => `${cohort(w)}/teams/pair-mentors-again`, allowed: COORDINATION },
  },
  // No version of the teams is kept in this world: the guard answers first, then "not found".
  "cohorts.$cohortId.teams.versions.$versionId": {
    GET: {
      path: (w) => `${cohort(w)}/teams/versions/999999`,
      allowed: COORDINATION,
      status: { coordinator: 404, admin: 404 },
    },
    POST: { path: (w) => `${cohort(w)}/teams/versions/999999`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.team": { GET: { path: (w) => `${cohort(w)}/team`, allowed: ["mentor", "participant"] } },
  "how-teams-are-formed": { GET: { path: () => "/how-teams-are-formed", allowed: EVERYONE } },
  "cohorts.$cohortId.organisations._index": {
    GET: { path: (w) => `${cohort(w)}/organisations`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.organisations.new": {
    GET: { path: (w) => `${cohort(w)}/organisations/new`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/organisations/new`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.organisations.$organisationId": {
    GET: { path: (w) => `${cohort(w)}/organisations/${w.industry.id}`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/organisations/${w.industry.id}`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.nominations._index": {
    GET: { path: (w) => `${cohort(w)}/nominations`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.nominations.import": {
    GET: { path: (w) => `${cohort(w)}/nominations/import`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/nominations/import`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.nominations.$personId": {
    GET: { path: (w) => `${cohort(w)}/nominations/${w.people.participant.id}`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/nominations/${w.people.participant.id}`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.visits._index": {
    GET: { path: (w) => `${cohort(w)}/visits`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/visits`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.visits.plan": {
    GET: { path: (w) => `${cohort(w)}/visits/plan`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/visits/plan`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.visits.$visitId._index": {
    GET: { path: (w) => `${cohort(w)}/visits/${w.visitId}`, allowed: MEMBERS },
  },
  "cohorts.$cohortId.visits.$visitId.edit": {
    GET: { path: (w) => `${cohort(w)}/visits/${w.visitId}/edit`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/visits/${w.visitId}/edit`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.visits.$visitId.cancel": {
    GET: { path: (w) => `${cohort(w)}/visits/${w.visitId}/cancel`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/visits/${w.visitId}/cancel`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.visits.$visitId.attendance": {
    GET: { path: (w) => `${cohort(w)}/visits/${w.visitId}/attendance`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/visits/${w.visitId}/attendance`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.visits.$visitId.calendar[.ics]": {
    GET: { path: (w) => `${cohort(w)}/visits/${w.visitId}/calendar.ics`, allowed: MEMBERS },
  },
  "cohorts.$cohortId.calendar[.ics]": {
    GET: { path: (w) => `${cohort(w)}/calendar.ics`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.attendance": { GET: { path: (w) => `${cohort(w)}/attendance`, allowed: COORDINATION } },
  "cohorts.$cohortId.schedule": { GET: { path: (w) => `${cohort(w)}/schedule`, allowed: MEMBERS } },
  "cohorts.$cohortId.milestones.$kind": {
    GET: { path: (w) => `${cohort(w)}/milestones/mid-point`, allowed: MEMBERS },
    POST: { path: (w) => `${cohort(w)}/milestones/mid-point`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.milestones.$kind.calendar[.ics]": {
    GET: { path: (w) => `${cohort(w)}/milestones/kick-off/calendar.ics`, allowed: MEMBERS },
  },
  // Each person's own profile, with their calendar address and their email choices (intent=email-preferences).
  profile: {
    GET: { path: () => "/profile", allowed: SIGNED_IN },
    POST: { path: () => "/profile", allowed: SIGNED_IN },
  },
  // Passkeys: each person's own. Someone else's passkey is not found (404), whoever asks. The ceremonies'
  // endpoints answer POST only (405 to a GET); an empty form is refused (400). Removing comes last: the
  // participant's POST removes the world's passkey.
  "profile_.passkeys._index": { GET: { path: () => "/profile/passkeys", allowed: SIGNED_IN } },
  "profile_.passkeys.register": {
    GET: { path: () => "/profile/passkeys/register", allowed: EVERYONE, status: fromEveryone(405) },
    POST: {
      path: () => "/profile/passkeys/register",
      allowed: SIGNED_IN,
      status: Object.fromEntries(SIGNED_IN.map((w) => [w, 400])),
    },
  },
  "passkeys.sign-in": {
    GET: { path: () => "/passkeys/sign-in", allowed: EVERYONE, status: fromEveryone(405) },
    POST: { path: () => "/passkeys/sign-in", allowed: EVERYONE, status: fromEveryone(400) },
  },
  "passkeys.confirm": {
    GET: { path: () => "/passkeys/confirm", allowed: EVERYONE, status: fromEveryone(405) },
    POST: {
      path: () => "/passkeys/confirm",
      allowed: SIGNED_IN,
      status: Object.fromEntries(SIGNED_IN.map((w) => [w, 400])),
    },
  },
  "profile_.passkeys.$passkeyId._index": {
    GET: { path: (w) => `/profile/passkeys/${w.passkeyId}`, allowed: SIGNED_IN, status: othersPasskey(200) },
    POST: { path: (w) => `/profile/passkeys/${w.passkeyId}`, allowed: SIGNED_IN, status: othersPasskey(400) },
  },
  "profile_.passkeys.$passkeyId.remove": {
    GET: {
      path: (w) => `/profile/passkeys/${w.passkeyId}/remove`,
      allowed: SIGNED_IN,
      status: othersPasskey(200),
    },
    POST: {
      path: (w) => `/profile/passkeys/${w.passkeyId}/remove`,
      allowed: SIGNED_IN,
      status: othersPasskey(302),
    },
  },
  // The link at the foot of an email carries its own signed key: anyone holding a valid one, signed in or not. An
  // empty form is refused (400: not the one-click body), so the matrix turns nothing off.
  "unsubscribe.$token": {
    GET: { path: (w) => `/unsubscribe/${w.unsubscribeToken}`, allowed: EVERYONE },
    POST: {
      path: (w) => `/unsubscribe/${w.unsubscribeToken}`,
      allowed: EVERYONE,
      status: Object.fromEntries(EVERYONE.map((w) => [w, 400])),
    },
  },
  "cohorts.$cohortId.teams.$teamId._index": { GET: { path: team, allowed: TEAM } },
  "cohorts.$cohortId.teams.$teamId.sessions.new": {
    GET: { path: (w) => `${team(w)}/sessions/new`, allowed: ["mentor"] },
    POST: { path: (w) => `${team(w)}/sessions/new`, allowed: ["mentor"] },
  },
  "cohorts.$cohortId.teams.$teamId.sessions.$sessionId._index": {
    GET: { path: (w) => `${team(w)}/sessions/${w.mentoring.session1}`, allowed: TEAM },
    POST: { path: (w) => `${team(w)}/sessions/${w.mentoring.session1}`, allowed: TEAM },
  },
  // The session's author (the world's mentor) and the coordinators.
  "cohorts.$cohortId.teams.$teamId.sessions.$sessionId.edit": {
    GET: {
      path: (w) => `${team(w)}/sessions/${w.mentoring.session1}/edit`,
      allowed: COORDINATION.concat("mentor"),
    },
    POST: {
      path: (w) => `${team(w)}/sessions/${w.mentoring.session1}/edit`,
      allowed: COORDINATION.concat("mentor"),
    },
  },
  "cohorts.$cohortId.teams.$teamId.statement._index": {
    GET: { path: (w) => `${team(w)}/statement`, allowed: TEAM },
    POST: { path: (w) => `${team(w)}/statement`, allowed: TEAM },
  },
  "cohorts.$cohortId.teams.$teamId.statement.edit": {
    GET: { path: (w) => `${team(w)}/statement/edit`, allowed: ["participant"] },
    POST: { path: (w) => `${team(w)}/statement/edit`, allowed: ["participant"] },
  },
  "cohorts.$cohortId.teams.$teamId.statement.history": {
    GET: { path: (w) => `${team(w)}/statement/history`, allowed: TEAM },
  },
  "cohorts.$cohortId.health": {
    GET: { path: (w) => `${cohort(w)}/health`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/health`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.statements": {
    GET: { path: (w) => `${cohort(w)}/statements`, allowed: MEMBERS },
    POST: { path: (w) => `${cohort(w)}/statements`, allowed: COORDINATION },
  },
  // Calendar feeds carry their own key (a coordinator's token): no session needed, so everyone gets the file.
  "calendar.$token[.ics]": { GET: { path: (w) => `/calendar/${w.feedToken}.ics`, allowed: EVERYONE } },
  "calendar.$token.cohorts.$cohortId[.ics]": {
    GET: { path: (w) => `/calendar/${w.feedToken}/cohorts/${w.cohortA.id}.ics`, allowed: EVERYONE },
  },
  "cohorts.$cohortId.pitch-day._index": {
    GET: { path: (w) => `${cohort(w)}/pitch-day`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.event": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/event`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/event`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.order": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/order`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/order`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.panel": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/panel`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/panel`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.rubric": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/rubric`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/rubric`, allowed: COORDINATION },
  },
  // Opening scoring early, releasing results and withdrawing a team's: coordination only, each confirmed on its page.
  "cohorts.$cohortId.pitch-day.open-scoring": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/open-scoring`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/open-scoring`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.release": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/release?team=${w.pitchTeamId}`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/release`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.withdraw.$teamId": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/withdraw/${w.pitchTeamId}`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/pitch-day/withdraw/${w.pitchTeamId}`, allowed: COORDINATION },
  },
  // Results and every sheet stay with coordinators: leaders cannot read them, before or after release.
  "cohorts.$cohortId.pitch-day.results": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/results`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.sheets[.csv]": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/sheets.csv`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.pitch-day.timetable": {
    GET: {
      path: (w) => `${cohort(w)}/pitch-day/timetable`,
      allowed: ["coordinator", "admin", "mentor", "participant", "leader"],
    },
  },
  // A leader's own sheets only: the URL names no leader, so no one can ask for another leader's sheet.
  "cohorts.$cohortId.pitch-day.scoring._index": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/scoring`, allowed: ["leader"] },
    POST: { path: (w) => `${cohort(w)}/pitch-day/scoring`, allowed: ["leader"] },
  },
  "cohorts.$cohortId.pitch-day.scoring.$teamId": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/scoring/${w.pitchTeamId}`, allowed: ["leader"] },
    POST: { path: (w) => `${cohort(w)}/pitch-day/scoring/${w.pitchTeamId}`, allowed: ["leader"] },
  },
  // Each team's own feedback, for its members and mentors.
  "cohorts.$cohortId.pitch-day.feedback": {
    GET: { path: (w) => `${cohort(w)}/pitch-day/feedback`, allowed: ["participant", "mentor"] },
  },
  // Reports: sponsors read the cohort report (figures only); individuals' figures are for coordination.
  "cohorts.$cohortId.report._index": { GET: { path: (w) => `${cohort(w)}/report`, allowed: REPORT_READERS } },
  "cohorts.$cohortId.report.$table[.csv]": {
    GET: { path: (w) => `${cohort(w)}/report/sector.csv`, allowed: REPORT_READERS },
  },
  "cohorts.$cohortId.report.summary": {
    GET: { path: (w) => `${cohort(w)}/report/summary`, allowed: REPORT_READERS },
  },
  "cohorts.$cohortId.skills._index": {
    GET: { path: (w) => `${cohort(w)}/skills`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/skills`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.skills.$phase": {
    GET: { path: (w) => `${cohort(w)}/skills/start`, allowed: ["participant"] },
    POST: { path: (w) => `${cohort(w)}/skills/start`, allowed: ["participant"] },
  },
  "cohorts.$cohortId.outcomes._index": {
    GET: { path: (w) => `${cohort(w)}/outcomes`, allowed: COORDINATION },
  },
  "cohorts.$cohortId.outcomes.$teamId": {
    GET: { path: (w) => `${cohort(w)}/outcomes/${w.teamId}`, allowed: COORDINATION },
    POST: { path: (w) => `${cohort(w)}/outcomes/${w.teamId}`, allowed: COORDINATION },
  },
  // The programme view: administrators and the coordinators of any of its cohorts (otherCohort coordinates B).
  "programmes.$programmeId.report._index": {
    GET: { path: (w) => `${programme(w)}/report`, allowed: PROGRAMME_READERS },
  },
  "programmes.$programmeId.report.$table[.csv]": {
    GET: { path: (w) => `${programme(w)}/report/cohorts.csv`, allowed: PROGRAMME_READERS },
  },
  "programmes.$programmeId.retention": {
    GET: { path: (w) => `${programme(w)}/retention`, allowed: ADMIN },
    POST: { path: (w) => `${programme(w)}/retention`, allowed: ADMIN },
  },
  // Personal data in full: the person themself and administrators only. The coordinator of the person's cohort
  // reads what belongs to that cohort on its own pages, never the whole record (issue 13, finding 1).
  "people.$personId._index": {
    GET: {
      path: (w) => `/people/${w.people.participant.id}`,
      allowed: ["admin", "participant"],
    },
  },
  "people.$personId.data[.json]": {
    GET: {
      path: (w) => `/people/${w.people.participant.id}/data.json`,
      allowed: ["admin", "participant"],
    },
  },
  // An empty form is refused (400: not confirmed), so the matrix anonymises nobody.
  "people.$personId.anonymise": {
    GET: { path: (w) => `/people/${w.otherParticipant.id}/anonymise`, allowed: ADMIN },
    POST: { path: (w) => `/people/${w.otherParticipant.id}/anonymise`, allowed: ADMIN },
  },
  // Administrators only, and only after confirming it is them: a session made here has not, so it is sent to.
  "people.$personId.reset-second-factor": {
    GET: {
      path: (w) => `/people/${w.otherParticipant.id}/reset-second-factor`,
      allowed: ADMIN,
    },
    // The matrix's sessions began with a second factor (step-up passes); an empty form is refused (400).
    POST: {
      path: (w) => `/people/${w.otherParticipant.id}/reset-second-factor`,
      allowed: ADMIN,
      status: { admin: 400 },
    },
  },
  audit: { GET: { path: () => "/audit", allowed: ["admin", "coordinator", "otherCohort"] } },
  // The outbox: administrators only. An empty form sends nothing again (400: no button pressed).
  "admin.outbox._index": { GET: { path: () => "/admin/outbox", allowed: ADMIN } },
  // System administrators: administrators only. An empty appointment form is refused (400).
  "admin.administrators._index": { GET: { path: () => "/admin/administrators", allowed: ADMIN } },
  "admin.administrators.new": {
    GET: { path: () => "/admin/administrators/new", allowed: ADMIN },
    POST: { path: () => "/admin/administrators/new", allowed: ADMIN, status: { admin: 400 } },
  },
  "admin.outbox.$messageId._index": {
    GET: { path: (w) => `/admin/outbox/${w.messageId}`, allowed: ADMIN },
    POST: { path: (w) => `/admin/outbox/${w.messageId}`, allowed: ADMIN, status: { admin: 400 } },
  },
  "admin.outbox.$messageId.html": {
    GET: { path: (w) => `/admin/outbox/${w.messageId}/html`, allowed: ADMIN },
  },
  // Single sign-on. The start route takes forms only (a visit goes to sign in; an empty form is 400); the callback
  // without a provider's answer is refused (400) for anyone; the signed-out page without its cookie sends people on.
  "sso.start": {
    GET: { path: () => "/sso/start", allowed: EVERYONE, status: fromEveryone(302) },
    POST: { path: () => "/sso/start", allowed: EVERYONE, status: fromEveryone(400) },
  },
  "sso.callback": { GET: { path: () => "/sso/callback", allowed: EVERYONE, status: fromEveryone(400) } },
  "signed-out": { GET: { path: () => "/signed-out", allowed: EVERYONE, status: fromEveryone(302) } },
  // Identity providers: administrators only; adding one asks for a recent second factor first (303), which the
  // matrix's password sessions do not have. An empty change form is refused (400: no button pressed).
  "admin.identity-providers._index": { GET: { path: () => "/admin/identity-providers", allowed: ADMIN } },
  "admin.identity-providers.new": {
    // The matrix's sessions began with a second factor (step-up passes); an empty form is refused (400).
    GET: { path: () => "/admin/identity-providers/new", allowed: ADMIN },
    POST: { path: () => "/admin/identity-providers/new", allowed: ADMIN, status: { admin: 400 } },
  },
  "admin.identity-providers.$providerId": {
    GET: { path: (w) => `/admin/identity-providers/${w.identityProviderId}`, allowed: ADMIN },
    POST: {
      path: (w) => `/admin/identity-providers/${w.identityProviderId}`,
      allowed: ADMIN,
      status: { admin: 400 },
    },
  },
};

/** The world the matrix's paths name: makeWorld() with a reset link, a pitch day, a message, a report and teams. */
export async function makeMatrixWorld(db: Db): Promise<MatrixWorld> {
  const made = await makeWorld(db);
  const link = await db.transaction().execute((tx) =>
    createOneTimeLink(tx, {
      personId: made.people.participant.id,
      purpose: "reset",
      createdBy: null,
    }),
  );
  const pitchDay = await makeWorldPitchDay(db, made);
  const participant = made.people.participant;
  await db.transaction().execute((tx) =>
    enqueueMessages(tx, [
      {
        kind: "password_reset",
        to: { personId: participant.id, address: participant.email, name: participant.name },
        subject: "Reset your Tandem password",
        text: "Dear participant",
        html: "<p>Dear participant</p>",
      },
    ]),
  );
  const [message] = await listMessages(db, { limit: 1, offset: 0 });
  const passkeyId = await db.transaction().execute((tx) =>
    insertPasskey(tx, {
      personId: participant.id,
      credentialId: "bWF0cml4LXBhc3NrZXk",
      publicKey: "bWF0cml4LWtleQ",
      counter: 0,
      transports: ["internal"],
      deviceType: "multiDevice",
      backedUp: true,
      name: "Matrix passkey",
    }),
  );
  const provider = await run(db, SYSTEM, addIdentityProvider, {
    name: "Matrix Identity",
    issuer: "https://login.matrix.example",
    clientId: "tandem",
    clientSecret: "matrix-secret",
    domains: ["matrix.example"],
  });
  if (!provider.ok) throw new Error("The matrix's identity provider was refused");
  // Signed as the server signs them (with its SESSION_SECRET).
  process.env.SESSION_SECRET = TEST_SESSION_SECRET;
  return {
    ...made,
    token: link.token,
    messageId: message!.id,
    passkeyId,
    identityProviderId: provider.id,
    unsubscribeToken: unsubscribeToken(made.people.participant.id, "visit_reminder"),
    pitchTeamId: pitchDay.teamId,
    ...(await cohortSetupWorld(db, made)),
    ...(await reportWorld(db, made)),
    // Keeps the pitch day's team 1 (the world's participant and mentor) and adds a second team.
    mentoring: await makeMentoringTeams(db, made),
  };
}
