// Every email Tandem sends, as text: each function takes what the message says and gives its subject and its text
// and HTML parts. Pure: links arrive absolute, names as they are (escaped by the layout).
import { formatTime, formatUkDate, formatUkDateTime, formatUkDateWithDay } from "../calendar";
import { shiftDate } from "../working-days";
import { renderLetter } from "./layout";
import type { Rendered } from "./message";

type Invitation = {
  name: string;
  /** Who invited them; null when Tandem's operators did (the command line). */
  invitedBy: string | null;
  cohort: string | null;
  role: string | null;
  link: string;
  expiresAt: string;
};

export function invitationMail(m: Invitation): Rendered {
  const into = m.cohort && m.role ? ` to join ${m.cohort} as a ${m.role}` : " to Tandem";
  return renderLetter({
    subject: m.cohort ? `You are invited to ${m.cohort}` : "You are invited to Tandem",
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.invitedBy ?? "The Tandem team"} invited you${into}. Tandem is where the cohort's schedule, teams, mentoring and pitch day are kept.`,
      { link: m.link, label: "Set your password" },
      `This link works once, until ${formatUkDateTime(m.expiresAt)}. If it has expired, ask ${m.invitedBy ?? "your coordinator"} for a new one.`,
    ],
    reason: "You are getting this email because someone added your email address to a cohort in Tandem.",
  });
}

type PasswordReset = {
  name: string;
  /** Who asked for the link: null when the person asked for it themselves. */
  requestedBy: string | null;
  link: string;
  expiresAt: string;
};

export function passwordResetMail(m: PasswordReset): Rendered {
  return renderLetter({
    subject: "Reset your Tandem password",
    greeting: `Dear ${m.name},`,
    paragraphs: [
      m.requestedBy
        ? `${m.requestedBy} asked Tandem to send you a link to set a new password.`
        : "Someone, we hope you, asked to reset the password of your Tandem account.",
      { link: m.link, label: "Set a new password" },
      `This link works once, until ${formatUkDateTime(m.expiresAt)}. If you did not ask for it, you can ignore this email: your password has not changed.`,
    ],
    reason: "You are getting this email because a password reset was asked for your Tandem account.",
  });
}

type SecondFactorReset = {
  name: string;
  /** The administrator who reset it; null when Tandem's operators did (the command line). */
  resetBy: string | null;
  signIn: string;
  at: string;
};

export function secondFactorResetMail(m: SecondFactorReset): Rendered {
  return renderLetter({
    subject: "Your Tandem two-step verification was reset",
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.resetBy ?? "An administrator"} reset the two-step verification of your Tandem account on ${formatUkDateTime(m.at)}. Your authenticator app's codes and your recovery codes no longer work, and you were signed out.`,
      "Next time you sign in with your password, Tandem may ask you to set up two-step verification again with your authenticator app.",
      { link: m.signIn, label: "Sign in to Tandem" },
      "If you did not ask for this, tell your programme's coordinator or the Tandem administrator now: someone may be trying to get into your account.",
    ],
    reason: "You are getting this email because a change was made to how you sign in to Tandem.",
  });
}

/** Every email people can turn off ends with the link that does. */
type CanTurnOff = { name: string; cohort: string; link: string; unsubscribe: string };

type TeamPublished = CanTurnOff & {
  team: string;
  role: "member" | "mentor";
  members: string[];
  mentors: string[];
  /** The coordinator who published the teams; null when Tandem's operators did. */
  publishedBy: string | null;
};

export function teamPublishedMail(m: TeamPublished): Rendered {
  return renderLetter({
    subject: `Your team in ${m.cohort}`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.publishedBy ?? "Your coordinator"} published the teams of ${m.cohort}. ${m.role === "mentor" ? `You are mentoring ${m.team}.` : `You are in ${m.team}.`}`,
      `Members: ${m.members.join(", ") || "none yet"}\nMentors: ${m.mentors.join(", ") || "not paired yet"}`,
      { link: m.link, label: "See your team" },
    ],
    reason: `You are getting this email because you are ${m.role === "mentor" ? "a mentor" : "a participant"} in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

type StatementMail = CanTurnOff & { team: string; version: number };

export function statementSubmittedMail(m: StatementMail & { submittedBy: string | null }): Rendered {
  return renderLetter({
    subject: `${m.team} submitted its problem statement`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.submittedBy ?? "A member of the team"} submitted version ${m.version} of ${m.team}'s problem statement for you and the team's other mentor to review.`,
      "Read it, then approve it or ask for changes:",
      { link: m.link, label: "Review the problem statement" },
    ],
    reason: `You are getting this email because you mentor ${m.team} in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

export function statementChangesRequestedMail(
  m: StatementMail & { mentor: string; comment: string | null },
): Rendered {
  return renderLetter({
    subject: "Your mentors asked for changes to your problem statement",
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.mentor} asked for changes to version ${m.version} of ${m.team}'s problem statement.`,
      m.comment ? `Their comment:\n${m.comment}` : "They did not leave a comment.",
      "Change the statement and submit it again:",
      { link: m.link, label: "Open the problem statement" },
    ],
    reason: `You are getting this email because you are in ${m.team} in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

export function statementApprovedMail(m: StatementMail): Rendered {
  return renderLetter({
    subject: "Your problem statement is approved",
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `Your mentors approved version ${m.version} of ${m.team}'s problem statement.`,
      { link: m.link, label: "See the problem statement" },
    ],
    reason: `You are getting this email because you are in ${m.team} in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

type PanelAdded = CanTurnOff & {
  /** The coordinator who added them; null when Tandem's operators did. */
  addedBy: string | null;
  date: string;
  startTime: string;
  venue: string | null;
  onlineLink: string | null;
};

export function panelAddedMail(m: PanelAdded): Rendered {
  const where = [m.venue, m.onlineLink ? `online at ${m.onlineLink}` : null].filter(Boolean).join(", or ");
  return renderLetter({
    subject: `You are on the pitch-day panel for ${m.cohort}`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.addedBy ?? "Your coordinator"} added you to the panel of senior leaders who score the teams' pitches on ${m.cohort}'s pitch day.`,
      `When: ${formatUkDateWithDay(m.date)}, starting at ${formatTime(m.startTime)}\nWhere: ${where || "to be confirmed"}`,
      { link: m.link, label: "See the pitch-day timetable" },
    ],
    reason: `You are getting this email because you are a senior leader in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

export function scoringOpenMail(m: CanTurnOff): Rendered {
  return renderLetter({
    subject: `Scoring is open for ${m.cohort}'s pitch day`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `Scoring is open for ${m.cohort}'s pitch day. Score each team on its sheet as it pitches: you can save a sheet as a draft and submit it when it is ready.`,
      { link: m.link, label: "Open your scoring sheets" },
    ],
    reason: `You are getting this email because you are on the pitch-day panel for ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

/** Says the feedback is there, never what it says: the scores stay in Tandem. */
export function resultsReleasedMail(m: CanTurnOff & { team: string }): Rendered {
  return renderLetter({
    subject: "Your team's pitch feedback is ready",
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `The panel's feedback on ${m.team}'s pitch on ${m.cohort}'s pitch day is released. Read it in Tandem:`,
      { link: m.link, label: "Read your team's feedback" },
    ],
    reason: `You are getting this email because you are in ${m.team} in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

/** "tomorrow, Tuesday 6 April 2027", or "on Tuesday 6 April 2027" when that is further off. */
function whenOf(date: string, today: string): { short: string; long: string } {
  const day = formatUkDateWithDay(date);
  return shiftDate(today, 1) === date
    ? { short: "tomorrow", long: `tomorrow, ${day}` }
    : { short: `on ${day}`, long: `on ${day}` };
}

type VisitReminder = {
  name: string;
  role: "participant" | "mentor";
  today: string;
  cohort: string;
  host: string;
  date: string;
  startTime: string;
  endTime: string;
  address: string | null;
  /** The host's contact, by name only: their email address is for the coordinators. */
  contactName: string | null;
  link: string;
  unsubscribe: string;
};

export function visitReminderMail(m: VisitReminder): Rendered {
  const when = whenOf(m.date, m.today);
  return renderLetter({
    subject: `Company visit ${when.short}: ${m.host}`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `${m.cohort} visits ${m.host} ${when.long}, from ${formatTime(m.startTime)} to ${formatTime(m.endTime)}.`,
      m.address
        ? `Address:\n${m.address}`
        : "The address is not given yet: check the visit page before you go.",
      m.contactName ? `Host contact: ${m.contactName}` : "",
      "The visit is in the calendar file attached to this email.",
      { link: m.link, label: "See the visit" },
      "If you cannot go, tell your coordinator.",
    ].filter(Boolean),
    reason: `You are getting this email because you are a ${m.role} in ${m.cohort}, which has a company visit ${when.short}.`,
    unsubscribe: m.unsubscribe,
  });
}

type SessionOverdue = {
  name: string;
  cohort: string;
  teamNumber: number;
  /** "Team 3: Blue" */
  team: string;
  /** The day of the team's last session, or null when it has not met since the cohort started. */
  lastSession: string | null;
  days: number;
  quietDays: number;
  link: string;
  unsubscribe: string;
};

export function sessionOverdueMail(m: SessionOverdue): Rendered {
  return renderLetter({
    subject: `No session logged with Team ${m.teamNumber} for ${m.days} days`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      m.lastSession
        ? `${m.team} in ${m.cohort} has had no mentoring session logged since ${formatUkDate(m.lastSession)}, ${m.days} days ago.`
        : `${m.team} in ${m.cohort} has had no mentoring session logged in the ${m.days} days since the cohort started.`,
      `The coordinators see a team as needing attention after ${m.quietDays} days without a session. If you have met, log the session; if not, arrange one with the team.`,
      { link: m.link, label: "Log a session" },
    ],
    reason: `You are getting this email because you mentor ${m.team} in ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

type ActionDue = {
  name: string;
  today: string;
  cohort: string;
  team: string;
  action: string;
  dueDate: string;
  link: string;
  unsubscribe: string;
};

export function actionDueMail(m: ActionDue): Rendered {
  const when = whenOf(m.dueDate, m.today);
  return renderLetter({
    subject: `Your action is due ${when.short}`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `This action, agreed at a mentoring session of ${m.team}, is yours and is due ${when.long}:`,
      m.action,
      "When it is done, mark it done on the session's page so your team and mentors can see.",
      { link: m.link, label: "See the session" },
    ],
    reason: `You are getting this email because you own an action in ${m.team} of ${m.cohort}.`,
    unsubscribe: m.unsubscribe,
  });
}

type HealthDigest = {
  name: string;
  weekOf: string;
  cohorts: Array<{
    name: string;
    teams: number;
    flagged: Array<{ label: string; flags: string[] }>;
    link: string;
  }>;
  unsubscribe: string;
};

export function healthDigestMail(m: HealthDigest): Rendered {
  const flagged = m.cohorts.reduce((sum, c) => sum + c.flagged.length, 0);
  const count = (n: number) => `${n} team${n === 1 ? "" : "s"}`;
  return renderLetter({
    subject:
      flagged === 0
        ? "Team health this week: no team needs attention"
        : `Team health this week: ${count(flagged)} ${flagged === 1 ? "needs" : "need"} attention`,
    greeting: `Dear ${m.name},`,
    paragraphs: [
      `The team health of your cohorts for the week of ${formatUkDate(m.weekOf)}.`,
      ...m.cohorts.flatMap((c) => [
        c.flagged.length === 0
          ? `${c.name}: no team needs attention (${count(c.teams)}).`
          : [
              `${c.name}: ${c.flagged.length} of ${count(c.teams)} ${c.flagged.length === 1 ? "needs" : "need"} attention:`,
              ...c.flagged.map((t) => `${t.label}: ${t.flags.join("; ")}`),
            ].join("\n"),
        { link: c.link, label: `Team health of ${c.name}` },
      ]),
    ],
    reason: "You are getting this email every Monday because you coordinate a running cohort in Tandem.",
    unsubscribe: m.unsubscribe,
  });
}
