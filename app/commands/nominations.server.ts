// Nominations: importing them from a spreadsheet, changing one (details and the line manager's release: asked,
// approved or declined), withdrawing a person from the cohort and bringing them back. The details of a person
// already in Tandem change only when the actor may change them (mayEditProfile); the organisation a person
// represents in the cohort decides their conflicts of interest, so every change of it is audited.
import { lockedProfiles, mayEditProfile } from "~/auth/profile-access.server";
import { checkOrganisations, type NominationRow, organisationsToCreate } from "~/domain/csv-nominations";
import { overQuotaConfirmation } from "~/domain/nomination-quota";
import type { NominationInput } from "~/forms/cohort-setup";
import { listCohortOrganisations } from "~/models/cohort-organisation.server";
import {
  claimNominationVersion,
  getNomination,
  importNominationRows,
  type OrganisationChange,
  quotaWarnings,
  setMembershipOrganisation,
  setWithdrawn,
  updateRelease,
} from "~/models/nomination.server";
import { listOrganisations, updateProfile } from "~/models/person.server";
import { type CommandContext, command, forbidden, invalid, ok, type Tx } from "./runner.server";

type ImportInput = {
  cohortId: number;
  rows: NominationRow[];
  /** The names of the organisations the coordinator agreed to create, and the region chosen for each. */
  create: string[];
  regions: Array<string | undefined>;
  /** The organisations the coordinator confirmed may go over their nomination quota. */
  overQuota?: string[];
};

function auditOrganisationChanges(c: CommandContext, cohortId: number, changes: OrganisationChange[]) {
  for (const change of changes)
    c.audit({
      action: "membership.organisation_changed",
      subjectType: "person",
      subjectId: change.personId,
      cohortId,
      details: { from: change.from, to: change.to },
    });
}

/** Imports checked rows in one go; importing the same rows again changes nothing. */
export const importNominations = command({
  async execute(c, input: ImportInput) {
    const { missing } = checkOrganisations(input.rows, await listOrganisations(c.tx));
    const chosen = organisationsToCreate(missing, input.create, input.regions);
    if (!chosen.ok) return { ok: false as const, invalid: chosen.errors };
    const locked = new Set((await lockedProfiles(c.tx, c.actor, input.rows)).keys());
    // Going over an organisation's nomination quota takes the coordinator's explicit word for each one.
    const unconfirmed = (await quotaWarnings(c.tx, input.cohortId, input.rows, locked)).filter(
      (w) => !(input.overQuota ?? []).includes(w.organisation),
    );
    if (unconfirmed.length)
      return {
        ok: false as const,
        invalid: {
          overQuota: [
            `${unconfirmed.length === 1 ? `Confirm that ${overQuotaConfirmation(unconfirmed[0]!)}` : "Confirm each organisation that will go over its nomination quota"}, or take rows out of your spreadsheet and upload it again`,
          ],
        },
      };
    const imported = await importNominationRows(c.tx, input.cohortId, input.rows, chosen.create, locked);
    if ("unknownOrganisation" in imported) {
      const { row, organisation } = imported.unknownOrganisation;
      return invalid("create", `Row ${row}: ${organisation} is not a known organisation`);
    }
    const { summary } = imported;
    auditOrganisationChanges(c, input.cohortId, imported.organisationChanges);
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

/**
 * Saves the line manager's release and, when they changed, the person's details and the organisation they
 * represent in the cohort: those only when the actor may change the person's details (refused otherwise).
 */
export const editNomination = command({
  claims: claimNomination,
  async execute(c, input: Nomination & NominationInput) {
    const organisations = await listCohortOrganisations(c.tx, input.cohortId);
    const held = await getNomination(c.tx, input.cohortId, input.personId);
    if (!held) return invalid("name", "This person is no longer nominated to the cohort");
    const detailsChanged =
      held.name !== input.name ||
      (held.job_title ?? null) !== input.jobTitle ||
      (held.profession ?? null) !== input.profession;
    const organisationChanged = (held.organisation_id ?? null) !== input.organisationId;
    if (
      organisationChanged &&
      input.organisationId !== null &&
      !organisations.some((o) => o.organisation_id === input.organisationId)
    )
      return invalid("organisationId", "Select one of the cohort's organisations");
    if (detailsChanged || organisationChanged) {
      const may = await mayEditProfile(c.tx, c.actor, input.personId);
      if (!may.ok) return forbidden(may.reason);
      await updateProfile(c.tx, input.personId, {
        name: input.name,
        jobTitle: input.jobTitle,
        profession: input.profession,
        // Their profile's organisation follows only a change of the one they represent in this cohort.
        organisationId: organisationChanged ? input.organisationId : undefined,
      });
    }
    if (organisationChanged) {
      const nameOf = (id: number | null) => organisations.find((o) => o.organisation_id === id)?.name ?? null;
      const replaced = await setMembershipOrganisation(
        c.tx,
        input.cohortId,
        input.personId,
        input.organisationId,
      );
      auditOrganisationChanges(
        c,
        input.cohortId,
        replaced.map((from) => ({
          personId: input.personId,
          from: from === held.organisation_id ? held.organisation_name : nameOf(from),
          to: nameOf(input.organisationId),
        })),
      );
    }
    await updateRelease(c.tx, input.membershipId, input);
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
