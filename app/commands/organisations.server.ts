// The organisations taking part in a cohort: adding one (known to Tandem or new) with its host contact, and
// changing its details, quota, visit hosting and the dates it cannot host.
import type { OrganisationInput } from "~/forms/cohort-setup";
import {
  addOrganisationToCohort,
  claimOrganisationVersions,
  getCohortOrganisation,
  updateCohortOrganisation,
} from "~/models/cohort-organisation.server";
import { createOrganisation, findOrganisationByName } from "~/models/person.server";
import { command, invalid, ok } from "./runner.server";

function auditDetails(input: OrganisationInput) {
  return { name: input.name, hostsVisit: input.hostsVisit, quota: input.quota };
}

export const addCohortOrganisation = command({
  async execute(c, input: OrganisationInput & { cohortId: number }) {
    const existing = await findOrganisationByName(c.tx, input.name);
    if (existing && (await getCohortOrganisation(c.tx, input.cohortId, existing.id)))
      return invalid("name", `${existing.name} is already in this cohort`);
    const { name, sector, kind, region } = input;
    const organisation = existing ?? (await createOrganisation(c.tx, { name, sector, kind, region }));
    await addOrganisationToCohort(c.tx, input.cohortId, { id: organisation.id, sector: input.sector });
    const row = await getCohortOrganisation(c.tx, input.cohortId, organisation.id);
    if (!row) throw new Error(`${input.name} was not added to the cohort`);
    await updateCohortOrganisation(c.tx, row, input);
    c.audit({
      action: "cohort.organisation_added",
      subjectType: "organisation",
      subjectId: organisation.id,
      cohortId: input.cohortId,
      details: { ...auditDetails(input), created: !existing },
    });
    return ok();
  },
});

type EditOrganisation = OrganisationInput & {
  cohortId: number;
  row: { id: number; organisation_id: number };
  version: number;
  organisationVersion: number;
};

export const editCohortOrganisation = command({
  claims: {
    record: "this organisation",
    claim: (tx, input: EditOrganisation) =>
      claimOrganisationVersions(tx, input.row, {
        organisation: input.organisationVersion,
        cohortOrganisation: input.version,
      }),
  },
  async execute(c, input: EditOrganisation) {
    const sameName = await findOrganisationByName(c.tx, input.name);
    if (sameName && sameName.id !== input.row.organisation_id)
      return invalid("name", `Tandem already has an organisation called ${sameName.name}`);
    await updateCohortOrganisation(c.tx, input.row, input);
    c.audit({
      action: "cohort.organisation_updated",
      subjectType: "organisation",
      subjectId: input.row.organisation_id,
      cohortId: input.cohortId,
      details: { ...auditDetails(input), unavailable: input.unavailable },
    });
    return ok();
  },
});
