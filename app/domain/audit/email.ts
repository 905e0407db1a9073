// The audit actions of email preferences: a person turning kinds of email off or on in their profile, or with the
// link at the foot of an email.
import { MESSAGE_KINDS, type MessageKind } from "../vocabulary";
import { sentence } from "./define";

const quoted = (kinds: readonly MessageKind[]) =>
  kinds.map((kind) => `“${MESSAGE_KINDS[kind] ?? kind.replaceAll("_", " ")}”`).join(", ");

export const emailAudit = {
  "email.preferences_saved": sentence<{ off: MessageKind[]; on: MessageKind[] }>((d, who) => {
    const changes = [
      ...(d.off.length ? [`turned off ${quoted(d.off)}`] : []),
      ...(d.on.length ? [`turned on ${quoted(d.on)}`] : []),
    ];
    return `${who.actor} changed which emails they get: ${changes.join("; ")}`;
  }),
  "email.unsubscribed": sentence<{ kind: MessageKind }>(
    (d, who) => `${who.actor} turned off ${quoted([d.kind])} emails with the link in one of them`,
  ),
};
