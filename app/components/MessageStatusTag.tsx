// An email's status in the outbox as a GOV.UK tag.
import { MESSAGE_STATUSES, type MessageStatus } from "~/domain/vocabulary";
import { Tag } from "./govuk";

const COLOURS = { pending: "yellow", sending: "light-blue", sent: "green", failed: "red" } as const;

export function MessageStatusTag({ status }: { status: MessageStatus }) {
  return <Tag colour={COLOURS[status]}>{MESSAGE_STATUSES[status]}</Tag>;
}
