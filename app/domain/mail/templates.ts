// Every email Tandem sends, as text: each function takes what the message says and gives its subject and its text
// and HTML parts. Pure: links arrive absolute, names as they are (escaped by the layout).
import { formatTime, formatUkDateTime, formatUkDateWithDay } from "../calendar";
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
      "Set a password to sign in:",
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
