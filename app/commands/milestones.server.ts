// Moving one of a cohort's milestones (kick-off, problem statement, mid-point, final pitches) to another date.
import type { MilestoneKind } from "~/domain/vocabulary";
import { moveMilestone as saveMilestoneDate } from "~/models/visit.server";
import { command, conflict, ok } from "./runner.server";

type MoveMilestone = {
  cohort: { id: number; start_date: string; weeks: number; version: number };
  milestone: { kind: MilestoneKind; date: string };
  date: string;
  version: number;
};

export const moveMilestone = command({
  async execute(c, input: MoveMilestone) {
    const { cohort, milestone } = input;
    if (!(await saveMilestoneDate(c.tx, cohort, milestone.kind, input.date, input.version)))
      return conflict("this milestone");
    c.audit({
      action: "milestone.moved",
      subjectType: "cohort",
      subjectId: cohort.id,
      cohortId: cohort.id,
      details: { kind: milestone.kind, from: milestone.date, to: input.date },
    });
    return ok();
  },
});
