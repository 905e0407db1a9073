// An email as a command declares it: who to, what it says (a text and an HTML part), and what kind it is. The
// runner writes it to the outbox in the command's transaction; the delivery worker sends it.
import type { MessageKind } from "../vocabulary";

export type Rendered = { subject: string; text: string; html: string };

export type Attachment = { filename: string; contentType: string; content: string };

export type OutgoingMessage = Rendered & {
  kind: MessageKind;
  to: { personId: number | null; address: string; name: string };
  cohortId?: number | null;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post for mail people can turn off). */
  headers?: Record<string, string>;
  attachments?: Attachment[];
  /** A message that must be enqueued once only (a reminder for a day) is named by this key. */
  dedupeKey?: string;
};

/**
 * A value that goes into a header (a name, a subject) on one line: CR, LF and other control characters become
 * spaces, so nobody's name can add a header.
 */
export function headerSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}
