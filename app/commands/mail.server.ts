// The emails people can turn off, as commands build them: whoever turned the kind off is left out, and every other
// message carries the link that turns it off (in its footer) and the RFC 8058 List-Unsubscribe headers. A command
// declares what comes back with c.send, so a refused change sends nothing.
import { unsubscribeHeaders } from "~/auth/unsubscribe.server";
import type { Attachment, OutgoingMessage, Rendered } from "~/domain/mail/message";
import type { MessageKind } from "~/domain/vocabulary";
import { optedOut } from "~/models/email-preferences.server";
import type { CommandContext } from "./runner.server";

export type Recipient = { id: number; email: string; name: string };

export type PersonalMail = {
  person: Recipient;
  /** The message, given the link that turns this kind of email off (for renderLetter's `unsubscribe`). */
  letter: (unsubscribe: string) => Rendered;
  attachments?: Attachment[];
  /** For a message that must be enqueued once only (a reminder for a day). */
  dedupeKey?: string;
};

/** The messages of one kind to these people, less those who turned the kind off (one query for them all). */
export async function personalMessages(
  c: Pick<CommandContext, "tx" | "link">,
  { kind, cohortId, mails }: { kind: MessageKind; cohortId: number | null; mails: PersonalMail[] },
): Promise<OutgoingMessage[]> {
  const off = await optedOut(c.tx, [...new Set(mails.map((m) => m.person.id))], kind);
  return mails
    .filter((mail) => !off.has(mail.person.id))
    .map((mail) => {
      const { unsubscribe, headers } = unsubscribeHeaders(c.link, mail.person.id, kind);
      return {
        kind,
        to: { personId: mail.person.id, address: mail.person.email, name: mail.person.name },
        cohortId,
        ...mail.letter(unsubscribe),
        headers,
        ...(mail.attachments ? { attachments: mail.attachments } : {}),
        ...(mail.dedupeKey ? { dedupeKey: mail.dedupeKey } : {}),
      };
    });
}

/** One person's message of a kind they can turn off, or null when they have. */
export async function personalMessage(
  c: Pick<CommandContext, "tx" | "link">,
  { kind, cohortId, ...mail }: PersonalMail & { kind: MessageKind; cohortId: number | null },
): Promise<OutgoingMessage | null> {
  return (await personalMessages(c, { kind, cohortId, mails: [mail] }))[0] ?? null;
}
