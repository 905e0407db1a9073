// Team health: when the coordinators want a quiet team flagged.
import type { QuietDaysInput } from "~/forms/health";
import { setQuietTeamDays } from "~/models/health.server";
import { command, ok } from "./runner.server";

type ChangeQuietDays = QuietDaysInput & { cohortId: number };

export const changeQuietTeamDays = command({
  claims: {
    record: "the number of days",
    claim: (tx, input: ChangeQuietDays) =>
      setQuietTeamDays(tx, input.cohortId, input.quietDays, input.expected),
  },
  async execute(c, input: ChangeQuietDays) {
    c.audit({
      action: "cohort.quiet_team_days_changed",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { from: input.expected, to: input.quietDays },
    });
    return ok();
  },
});
