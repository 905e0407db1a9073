// Bringing people in: inviting a person into a cohort with a role, issuing the one-time link that lets someone set
// (or reset) their password, and appointing a system administrator from the command line.
import { mayEditProfile } from "~/auth/profile-access.server";
import { type NotApplied, type ProfileDifference, profileDifferences } from "~/domain/profile";
import { COHORT_ROLES, type LinkPurpose } from "~/domain/vocabulary";
import { type InviteInput, rolesAppointableBy } from "~/forms/people";
import { createOneTimeLink } from "~/models/account.server";
import {
  createPerson,
  findPersonByEmail,
  getPerson,
  listOrganisations,
  mayIssueLinkFor,
  setAdmin,
  updateProfile,
} from "~/models/person.server";
import { addMembership } from "~/models/programme.server";
import { type CommandContext, command, invalid, ok } from "./runner.server";

/** Who gives the role: a coordinator or a system administrator. */
type Appointer = { personId: number; isAdmin: boolean };

/**
 * Invites a person into the cohort with a role. Someone Tandem already knows keeps their account; the details
 * typed for them (those left blank keep theirs) replace their own only when the inviter may change them
 * (mayEditProfile): otherwise the answer lists the differences as not applied, and why. They represent the
 * organisation of their profile (after any change) in the cohort.
 */
export const invitePerson = command({
  async execute(c, input: InviteInput & { cohortId: number; appointer: Appointer }) {
    if (!rolesAppointableBy(input.appointer).includes(input.role))
      return invalid(
        "role",
        `Only a system administrator can appoint ${COHORT_ROLES[input.role].toLowerCase()}s`,
      );
    const existing = await findPersonByEmail(c.tx, input.email);
    let notApplied: NotApplied | null = null;
    let applied: ProfileDifference[] = [];
    let organisationId = input.organisationId;
    if (existing) {
      const held = (await getPerson(c.tx, existing.id))!;
      const named =
        input.organisationId === null
          ? undefined
          : (await listOrganisations(c.tx)).find((o) => o.id === input.organisationId);
      const heldDetails = {
        name: held.name,
        organisation: held.organisation_name,
        jobTitle: held.job_title,
        profession: held.profession,
      };
      const brought = {
        name: input.name,
        organisation: named ? named.name : held.organisation_name,
        jobTitle: input.jobTitle ?? held.job_title,
        profession: input.profession ?? held.profession,
      };
      const differences = profileDifferences(heldDetails, brought);
      organisationId = held.organisation_id;
      if (differences.length) {
        const may = await mayEditProfile(c.tx, c.actor, existing.id);
        if (may.ok) {
          organisationId = named ? named.id : held.organisation_id;
          await updateProfile(c.tx, existing.id, {
            name: brought.name,
            organisationId,
            jobTitle: brought.jobTitle,
            profession: brought.profession,
          });
          applied = differences;
        } else notApplied = { reason: may.reason, differences };
      }
    }
    const person = existing
      ? { id: existing.id, name: applied.length ? input.name : existing.name }
      : await createPerson(c.tx, input);
    const roleLabel = COHORT_ROLES[input.role].toLowerCase();
    if (!(await addMembership(c.tx, input.cohortId, person.id, input.role, organisationId)))
      return invalid("email", `${person.name} is already a ${roleLabel} in this cohort`);
    c.audit({
      action: "role.granted",
      subjectType: "person",
      subjectId: person.id,
      cohortId: input.cohortId,
      details: { role: input.role, newPerson: !existing },
    });
    const account = await getPerson(c.tx, person.id);
    const link =
      account?.password_set_at || !(await mayIssueLinkFor(c.tx, input.appointer, person.id))
        ? null
        : await issueLink(c, { personId: person.id, purpose: "invite", cohortId: input.cohortId });
    return ok({ personId: person.id, name: person.name, roleLabel, link, applied, notApplied });
  },
});

type IssueLink = {
  person: { id: number; name: string; password_set_at?: string | null };
  /** By default an invitation until the person has set a password, then a password reset. */
  purpose?: LinkPurpose;
  cohortId: number | null;
  /** Who asks for the link; none for the command line, which may issue one for anybody. */
  issuer: Appointer | null;
};

/**
 * A new one-time link for someone (an invitation until they have set a password, then a password reset); their
 * earlier links stop working. Refused when the issuer may not issue links for the person (mayIssueLinkFor).
 */
export const issueSignInLink = command({
  async execute(c, input: IssueLink) {
    if (input.issuer && !(await mayIssueLinkFor(c.tx, input.issuer, input.person.id)))
      return invalid("person", `You cannot create a sign-in link for ${input.person.name}`);
    const purpose = input.purpose ?? (input.person.password_set_at ? "reset" : "invite");
    const link = await issueLink(c, { personId: input.person.id, purpose, cohortId: input.cohortId });
    return ok({ link, purpose });
  },
});

/** The command line's `create-admin`: the person (created if Tandem does not know them) administers the site. */
export const appointAdministrator = command({
  async execute(c, input: { name: string; email: string }) {
    const person =
      (await findPersonByEmail(c.tx, input.email)) ??
      (await createPerson(c.tx, { name: input.name, email: input.email, organisationId: null }));
    await setAdmin(c.tx, person.id, true);
    c.audit({ action: "admin.appointed", subjectType: "person", subjectId: person.id, details: {} });
    const link = await createOneTimeLink(c.tx, { personId: person.id, purpose: "invite", createdBy: null });
    return ok({ link });
  },
});

async function issueLink(
  c: CommandContext,
  input: { personId: number; purpose: LinkPurpose; cohortId: number | null },
) {
  const link = await createOneTimeLink(c.tx, {
    personId: input.personId,
    purpose: input.purpose,
    createdBy: c.actor.personId,
  });
  c.audit({
    action: input.purpose === "invite" ? "invitation.created" : "password.reset_link_created",
    subjectType: "person",
    subjectId: input.personId,
    cohortId: input.cohortId,
    details: { expiresAt: link.expiresAt },
  });
  return link;
}
