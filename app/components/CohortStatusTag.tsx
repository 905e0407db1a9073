// A cohort's status as a GOV.UK tag, with its label from the vocabulary ("Planning", not "planning").
import { COHORT_STATUSES, type CohortStatus } from "~/domain/vocabulary";
import { Tag } from "./govuk";

const COLOURS = { planning: "blue", running: "green", finished: "grey" } as const;

export function CohortStatusTag({ status }: { status: CohortStatus }) {
  return <Tag colour={COLOURS[status]}>{COHORT_STATUSES[status]}</Tag>;
}
