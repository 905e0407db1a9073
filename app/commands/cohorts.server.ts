// Adding a cohort to a programme and changing its details.
import type { CohortInput } from "~/forms/cohort";
import { claimCohortVersion, createCohort, findCohortByName, updateCohort } from "~/models/programme.server";
import { command, invalid, ok } from "./runner.server";

function auditDetails(input: CohortInput) {
  return { name: input.name, startDate: input.startDate, weeks: input.weeks, teams: input.teamCount };
}

export const addCohort = command({
  async execute(c, input: CohortInput & { programme: { id: number; name: string } }) {
    if (await findCohortByName(c.tx, input.programme.id, input.name))
      return invalid("name", `${input.programme.name} already has a cohort called ${input.name}`);
    const cohort = await createCohort(c.tx, input.programme.id, input);
    c.audit({
      action: "cohort.created",
      subjectType: "cohort",
      subjectId: cohort.id,
      cohortId: cohort.id,
      details: auditDetails(input),
    });
    return ok({ cohort });
  },
});

type EditCohort = CohortInput & {
  version: number;
  cohort: { id: number; programme_id: number; programme_name: string };
};

export const editCohort = command({
  claims: {
    record: "this cohort's details",
    claim: (tx, input: EditCohort) => claimCohortVersion(tx, input.cohort.id, input.version),
  },
  async execute(c, input: EditCohort) {
    const sameName = await findCohortByName(c.tx, input.cohort.programme_id, input.name);
    if (sameName && sameName.id !== input.cohort.id)
      return invalid("name", `${input.cohort.programme_name} already has a cohort called ${input.name}`);
    await updateCohort(c.tx, input.cohort.id, input);
    c.audit({
      action: "cohort.updated",
      subjectType: "cohort",
      subjectId: input.cohort.id,
      cohortId: input.cohort.id,
      details: { ...auditDetails(input), status: input.status },
    });
    return ok();
  },
});
