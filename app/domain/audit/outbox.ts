// The audit actions of email: someone asking the forgotten-password page for a reset link, and an administrator
// sending an email from the outbox again. Each action's details and its sentence in the audit log.
import { MESSAGE_KINDS, type MessageKind } from "../vocabulary";
import { sentence } from "./define";

export const outboxAudit = {
  // Nobody is signed in: the event records the client address, and the subject is the account asked about.
  "password.reset_requested": sentence<Record<never, never>>(
    (_, who) =>
      `Someone asked the forgotten password page to email ${who.subject ?? "a person"} a link to reset their password`,
  ),
  "email.resent": sentence<{ kind: MessageKind; subject: string; via?: "cli" }>(
    (d, who) =>
      `${who.actor} queued the email “${d.subject}” (${(MESSAGE_KINDS[d.kind] ?? "email").toLowerCase()}) to be sent again${d.via === "cli" ? ", from the command line" : ""}`,
  ),
};
