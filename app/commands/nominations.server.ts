// Nominations: importing them from a spreadsheet, changing one (details and the line manager's release: asked,
// approved or declined), withdrawing a person from the cohort and bringing them back.
import { checkOrganisations, type NominationRow, organisationsToCreate } from "~/domain/csv-nominations";
import type { NominationInput } from "~/forms/cohort-setup";
import { listCohortOrganisations } from "~/models/cohort-organisation.server";
import {
  claimNominationVersion,
  importNominationRows,
  setWithdrawn,
  updateNomination,
} from "~/models/nomination.server";
import { listOrganisations } from "~/models/person.server";
import { command, invalid, ok, type Tx } from "./runner.server";

type ImportInput = {
  cohortId: number;
  rows: NominationRow[];
  /** The names of the organisations the coordinator agreed to create, and the region chosen for each. */
  create: string[];
  regions: Array<string | undefined>;
};

/** Imports checked rows in one go; importing the same rows again changes nothing. */
export const importNominations = command({
  async execute(c, input: ImportInput) {
    const { missing } = checkOrganisations(input.rows, await listOrganisations(c.tx));
    const chosen = organisationsToCreate(missing, input.create, input.regions);
    if (!chosen.ok) return { ok: false as const, invalid: chosen.errors };
    const imported = await importNominationRows(c.tx, input.cohortId, input.rows, chosen.create);
    if ("unknownOrganisation" in imported) {
      const { row, organisation } = imported.unknownOrganisation;
      return invalid("create", `Row ${row}: ${organisation} is not a known organisation`);
    }
    const { summary } = imported;
    c.audit({
      action: "nominations.imported",
      subjectType: "cohort",
      subjectId: input.cohortId,
      cohortId: input.cohortId,
      details: { rows: input.rows.length, ...summary },
    });
    return ok({ summary });
  },
});

type Nomination = { cohortId: number; membershipId: number; personId: number; version: number };

const claimNomination = {
  record: "this person's nomination",
  claim: (tx: Tx, input: Nomination) => claimNominationVersion(tx, input.membershipId, input.version),
};

/** What a nomination's audit events are about: the person, in the cohort. */
function subjectOf(input: Nomination) {
  return { subjectType: "person", subjectId: input.personId, cohortId: input.cohortId } as const;
}

export const editNomination = command({
  claims: claimNomination,
  async execute(c, input: Nomination & NominationInput) {
    const organisations = await listCohortOrganisations(c.tx, input.cohortId);
    if (
      input.organisationId !== null &&
      !organisations.some((o) => o.organisation_id === input.organisationId)
    )
      return invalid("organisationId", "Select one of the cohort's organisations");
    await updateNomination(c.tx, input, input);
    c.audit({
      action: "nomination.updated",
      ...subjectOf(input),
      details: { releaseStatus: input.releaseStatus, lineManagerEmail: input.lineManagerEmail },
    });
    return ok();
  },
});

/** The person leaves the cohort: their attendance and history stay, their access goes. */
export const withdrawNomination = command({
  claims: claimNomination,
  async execute(c, input: Nomination & { reason: string }) {
    await setWithdrawn(c.tx, input.membershipId, input.reason);
    c.audit({ action: "nomination.withdrawn", ...subjectOf(input), details: { reason: input.reason } });
    return ok();
  },
});

export const reinstateNomination = command({
  claims: claimNomination,
  async execute(c, input: Nomination) {
    await setWithdrawn(c.tx, input.membershipId, null);
    c.audit({ action: "nomination.reinstated", ...subjectOf(input), details: {} });
    return ok();
  },
});
