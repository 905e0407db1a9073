// A visit's status as a GOV.UK tag.
import { VISIT_STATUSES, type VisitStatus } from "~/domain/vocabulary";
import { Tag } from "./govuk";

const COLOURS = { planned: "yellow", confirmed: "green", cancelled: "red" } as const;

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  return <Tag colour={COLOURS[status]}>{VISIT_STATUSES[status]}</Tag>;
}
