// Every URL Tandem links to or redirects to, from one place: `paths.cohort(3).teams()` rather than a template
// string, so a moved page is one edit here and a typo is a type error.
import type { CohortRole } from "~/domain/vocabulary";

type Id = number | string;

const q = (params: Record<string, string | number | null | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
};

function team(cohortId: Id, teamId: Id) {
  const base = `/cohorts/${cohortId}/teams/${teamId}`;
  return {
    home: () => base,
    sessions: {
      new: () => `${base}/sessions/new`,
      session: (sessionId: Id) => `${base}/sessions/${sessionId}`,
      edit: (sessionId: Id) => `${base}/sessions/${sessionId}/edit`,
    },
    statement: () => `${base}/statement`,
    statementEdit: () => `${base}/statement/edit`,
    statementHistory: () => `${base}/statement/history`,
  };
}

function visit(cohortId: Id, visitId: Id) {
  const base = `/cohorts/${cohortId}/visits/${visitId}`;
  return {
    home: () => base,
    edit: () => `${base}/edit`,
    cancel: () => `${base}/cancel`,
    attendance: () => `${base}/attendance`,
    calendar: () => `${base}/calendar.ics`,
  };
}

function cohort(cohortId: Id) {
  const base = `/cohorts/${cohortId}`;
  return {
    home: () => base,
    edit: () => `${base}/edit`,
    schedule: () => `${base}/schedule`,
    calendar: () => `${base}/calendar.ics`,
    attendance: () => `${base}/attendance`,
    health: () => `${base}/health`,
    statements: () => `${base}/statements`,
    team: () => `${base}/team`,
    people: () => `${base}/people`,
    invite: (role?: CohortRole) => `${base}/people/invite${q({ role })}`,
    appointCoordinator: () => `${base}/people/invite${q({ role: "coordinator" })}`,
    personLink: (personId: Id, purpose?: "invite" | "reset") =>
      `${base}/people/${personId}/link${q({ purpose })}`,
    nominations: (show?: "not-released") => `${base}/nominations${q({ show })}`,
    nominationsImport: () => `${base}/nominations/import`,
    nomination: (personId: Id) => `${base}/nominations/${personId}`,
    organisations: () => `${base}/organisations`,
    organisationsNew: () => `${base}/organisations/new`,
    organisation: (organisationId: Id) => `${base}/organisations/${organisationId}`,
    milestone: (kind: string) => `${base}/milestones/${kind}`,
    milestoneCalendar: (kind: string) => `${base}/milestones/${kind}/calendar.ics`,
    visits: () => `${base}/visits`,
    visitsPlan: () => `${base}/visits/plan`,
    visit: (visitId: Id) => visit(cohortId, visitId),
    teams: () => `${base}/teams`,
    teamsNames: () => `${base}/teams/names`,
    teamsMentors: () => `${base}/teams/mentors`,
    /** The confirmation of regenerating published teams; `query` carries the settings and the proposal. */
    teamsRegenerate: (query = "") => `${base}/teams/regenerate${query ? `?${query}` : ""}`,
    teamsPairMentorsAgain: (query = "") => `${base}/teams/pair-mentors-again${query ? `?${query}` : ""}`,
    teamsVersion: (versionId: Id) => `${base}/teams/versions/${versionId}`,
    teamsKeepApart: () => `${base}/teams/keep-apart`,
    teamOf: (teamId: Id) => team(cohortId, teamId),
    outcomes: () => `${base}/outcomes`,
    outcome: (teamId: Id) => `${base}/outcomes/${teamId}`,
    skills: () => `${base}/skills`,
    skillsPhase: (phase: string) => `${base}/skills/${phase}`,
    report: () => `${base}/report`,
    reportSummary: () => `${base}/report/summary`,
    reportCsv: (table: string) => `${base}/report/${table}.csv`,
    pitchDay: {
      home: () => `${base}/pitch-day`,
      event: () => `${base}/pitch-day/event`,
      rubric: () => `${base}/pitch-day/rubric`,
      panel: () => `${base}/pitch-day/panel`,
      order: () => `${base}/pitch-day/order`,
      timetable: () => `${base}/pitch-day/timetable`,
      scoring: () => `${base}/pitch-day/scoring`,
      sheet: (teamId: Id) => `${base}/pitch-day/scoring/${teamId}`,
      sheetsCsv: () => `${base}/pitch-day/sheets.csv`,
      results: () => `${base}/pitch-day/results`,
      feedback: () => `${base}/pitch-day/feedback`,
      /** Opening scoring more than a day before the pitch day, confirmed. */
      openScoring: () => `${base}/pitch-day/open-scoring`,
      /** Releasing one team's results, or (with no team) every team's not yet released. */
      release: (teamId?: Id) => `${base}/pitch-day/release${q({ team: teamId })}`,
      withdraw: (teamId: Id) => `${base}/pitch-day/withdraw/${teamId}`,
    },
  };
}

function programme(programmeId: Id) {
  const base = `/programmes/${programmeId}`;
  return {
    home: () => base,
    edit: () => `${base}/edit`,
    newCohort: () => `${base}/cohorts/new`,
    retention: () => `${base}/retention`,
    report: () => `${base}/report`,
    reportCsv: (table: string) => `${base}/report/${table}.csv`,
  };
}

function person(personId: Id) {
  const base = `/people/${personId}`;
  return {
    home: () => base,
    anonymise: () => `${base}/anonymise`,
    data: () => `${base}/data.json`,
    resetSecondFactor: () => `${base}/reset-second-factor`,
  };
}

export const paths = {
  home: () => "/",
  signIn: (redirectTo?: string) =>
    `/sign-in${q({ redirectTo: redirectTo === "/" ? undefined : redirectTo })}`,
  passwordSet: () => "/sign-in?passwordSet=1",
  signOut: () => "/sign-out",
  /** With `sent`, the page's answer to a request for a reset link. */
  forgottenPassword: (sent?: boolean) => `/forgotten-password${q({ sent: sent ? 1 : undefined })}`,
  setPassword: (token: string) => `/set-password/${token}`,
  profile: () => "/profile",
  /** The person's passkeys: the list, adding one (its ceremony's endpoint), and naming or removing each. */
  /** With `checked`, after the person checked one of their passkeys works. */
  passkeys: (checked?: boolean) => `/profile/passkeys${q({ checked: checked ? 1 : undefined })}`,
  passkeyRegistration: () => "/profile/passkeys/register",
  passkey: (passkeyId: Id) => ({
    name: (added?: boolean) => `/profile/passkeys/${passkeyId}${q({ added: added ? 1 : undefined })}`,
    remove: () => `/profile/passkeys/${passkeyId}/remove`,
  }),
  /** The endpoints of signing in with a passkey and of confirming it is you with one (step-up). */
  passkeySignIn: () => "/passkeys/sign-in",
  passkeyConfirm: () => "/passkeys/confirm",
  /** The second step of signing in: a code from the authenticator app (or, with `recovery`, a recovery code). */
  signInCode: (recovery?: boolean) => `/sign-in/code${q({ recovery: recovery ? 1 : undefined })}`,
  /** After too many wrong codes: the pending sign-in was cancelled. */
  signInCancelled: () => "/sign-in/code?cancelled=1",
  twoStepSetUp: () => "/two-step-verification/set-up",
  twoStepRecoveryCodes: () => "/two-step-verification/recovery-codes",
  twoStepVerification: () => "/profile/two-step-verification",
  /** Asks for a second factor again (step-up) before a dangerous action, then goes back to `redirectTo`. */
  confirmItIsYou: (redirectTo: string) => `/confirm-it-is-you${q({ redirectTo })}`,
  administrators: () => "/admin/administrators",
  appointAdministrator: () => "/admin/administrators/new",
  identityProviders: () => "/admin/identity-providers",
  identityProvidersNew: () => "/admin/identity-providers/new",
  identityProvider: (providerId: Id) => `/admin/identity-providers/${providerId}`,
  /** Where the sign-in forms post to go to an identity provider; the provider answers at ssoCallback. */
  ssoStart: () => "/sso/start",
  ssoCallback: () => "/sso/callback",
  /** After signing out of a session that came from a provider: the offer to sign out there too. */
  signedOut: () => "/signed-out",
  outbox: (filter: { status?: string; page?: number } = {}) => `/admin/outbox${q(filter)}`,
  outboxMessage: (messageId: Id) => ({
    home: () => `/admin/outbox/${messageId}`,
    /** The HTML part on its own, for the message page's sandboxed frame. */
    html: () => `/admin/outbox/${messageId}/html`,
  }),
  unsubscribe: (token: string) => `/unsubscribe/${token}`,
  audit: (filter: Record<string, string | number | undefined> = {}) => `/audit${q(filter)}`,
  programmes: () => "/programmes",
  programmesNew: () => "/programmes/new",
  programme,
  cohort,
  person,
  calendarFeed: (token: string) => `/calendar/${token}.ics`,
  cohortCalendarFeed: (token: string, cohortId: Id) => `/calendar/${token}/cohorts/${cohortId}.ics`,
  howTeamsAreFormed: () => "/how-teams-are-formed",
  pitchScoring: () => "/pitch-scoring",
  accessibility: () => "/accessibility",
  cookies: () => "/cookies",
  privacy: () => "/privacy",
};
