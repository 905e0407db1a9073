// A problem statement's status as a GOV.UK tag, with "late" or "overdue" when the deadline was missed.
import type { DeadlineState } from "~/domain/problem-statement";
import { STATUS_COLOURS, STATUS_LABELS } from "~/domain/problem-statement";
import type { StatementStatus } from "../../db/types";
import { Tag } from "./govuk";

export function StatementStatusTag({
  status,
  deadlineState,
}: {
  status: StatementStatus | null;
  deadlineState?: DeadlineState;
}) {
  const key = status ?? "none";
  return (
    <>
      <Tag colour={STATUS_COLOURS[key]}>{STATUS_LABELS[key]}</Tag>
      {deadlineState === "late" ? (
        <>
          {" "}
          <Tag colour="red">Late</Tag>
        </>
      ) : deadlineState === "overdue" ? (
        <>
          {" "}
          <Tag colour="red">Overdue</Tag>
        </>
      ) : null}
    </>
  );
}
