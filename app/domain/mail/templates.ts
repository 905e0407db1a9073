// Every email Tandem sends, as text: each function takes what the message says and gives its subject and its text
// and HTML parts. Pure: links arrive absolute, names as they are (escaped by the layout).
import { formatUkDateTime } from "../calendar";
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
