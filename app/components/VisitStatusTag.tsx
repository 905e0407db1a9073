// A visit's status as a GOV.UK tag.
import type { VisitStatus } from "../../db/types";
import { Tag } from "./govuk";

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  if (status === "confirmed") return <Tag colour="green">Confirmed</Tag>;
  if (status === "cancelled") return <Tag colour="red">Cancelled</Tag>;
  return <Tag colour="yellow">Planned</Tag>;
}
