// Recording what became of a team's solution 3 and 6 months after the programme.
import type { OutcomesInput } from "~/forms/outcomes";
import { saveOutcome } from "~/models/outcome.server";
import { command, conflict, ok } from "./runner.server";

type RecordOutcomes = {
  cohortId: number;
  team: { id: number; label: string };
  recordedBy: number | null;
  outcomes: OutcomesInput;
};

/** Each follow-up is saved only if it is still as the form showed it; one stale follow-up refuses them all. */
export const recordOutcomes = command({
  async execute(c, input: RecordOutcomes) {
    for (const outcome of input.outcomes) {
      if (!(await saveOutcome(c.tx, input.team.id, outcome, input.recordedBy)))
        return conflict("this team's outcomes");
      c.audit({
        action: "outcome.recorded",
        subjectType: "team",
        subjectId: input.team.id,
        cohortId: input.cohortId,
        details: { team: input.team.label, followUp: outcome.followUp, status: outcome.status },
      });
    }
    return ok();
  },
});
