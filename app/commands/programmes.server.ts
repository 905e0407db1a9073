// Creating a programme, changing its details and changing how long its people's data is kept.
import type { ProgrammeInput } from "~/forms/programme";
import {
  claimProgramme,
  createProgramme,
  findProgrammeByName,
  setRetentionMonths,
  setSecondFactorRequired,
  updateProgramme,
} from "~/models/programme.server";
import { command, invalid, ok } from "./runner.server";

const nameTaken = (name: string) => invalid("name", `A programme called ${name} already exists`);

export const addProgramme = command({
  async execute(c, input: ProgrammeInput) {
    if (await findProgrammeByName(c.tx, input.name)) return nameTaken(input.name);
    const programme = await createProgramme(c.tx, input);
    c.audit({
      action: "programme.created",
      subjectType: "programme",
      subjectId: programme.id,
      details: { name: programme.name },
    });
    return ok({ programme });
  },
});

type EditProgramme = ProgrammeInput & {
  programmeId: number;
  updatedAt: string;
  /** Everyone in the programme must use two-step verification; left out, the setting stays as it is. */
  requireSecondFactor?: boolean;
};

export const editProgramme = command({
  claims: {
    record: "this programme",
    claim: (tx, input: EditProgramme) => claimProgramme(tx, input.programmeId, input.updatedAt),
  },
  async execute(c, input: EditProgramme) {
    const sameName = await findProgrammeByName(c.tx, input.name);
    if (sameName && sameName.id !== input.programmeId) return nameTaken(input.name);
    await updateProgramme(c.tx, input.programmeId, input);
    c.audit({
      action: "programme.updated",
      subjectType: "programme",
      subjectId: input.programmeId,
      details: { name: input.name },
    });
    if (
      input.requireSecondFactor !== undefined &&
      (await setSecondFactorRequired(c.tx, input.programmeId, input.requireSecondFactor))
    ) {
      c.audit({
        action: "programme.second_factor_changed",
        subjectType: "programme",
        subjectId: input.programmeId,
        details: { name: input.name, required: input.requireSecondFactor },
      });
    }
    return ok();
  },
});

type ChangeRetention = {
  programme: { id: number; name: string; retention_months: number };
  months: number;
  updatedAt: string;
};

export const changeRetentionPeriod = command({
  claims: {
    record: "this programme",
    claim: (tx, input: ChangeRetention) => claimProgramme(tx, input.programme.id, input.updatedAt),
  },
  async execute(c, input: ChangeRetention) {
    await setRetentionMonths(c.tx, input.programme.id, input.months);
    c.audit({
      action: "programme.retention_changed",
      subjectType: "programme",
      subjectId: input.programme.id,
      details: { from: input.programme.retention_months, to: input.months, name: input.programme.name },
    });
    return ok();
  },
});
