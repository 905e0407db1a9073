// Bringing people in: inviting a person into a cohort with a role, issuing the one-time link that lets someone set
// (or reset) their password, emailing one to whoever asks on the forgotten-password page, and appointing a system
// administrator from the command line.
import { mayEditProfile } from "~/auth/profile-access.server";
import { invitationMail, passwordResetMail } from "~/domain/mail/templates";
import { type NotApplied, profileDifferences } from "~/domain/profile";
import { COHORT_ROLES, type LinkPurpose } from "~/domain/vocabulary";
import { type InviteInput, rolesAppointableBy } from "~/forms/people";
import { createOneTimeLink, SELF_SERVICE_RESET_MINUTES } from "~/models/account.server";
import { recordResetRequest, resetRequestLimited, resettableAccount } from "~/models/password-reset.server";
import {
  createPerson,
  findPersonByEmail,
  getPerson,
  listOrganisations,
  mayIssueLinkFor,
  setAdmin,
} from "~/models/person.server";
import { addMembership, getCohort } from "~/models/programme.server";
import { paths } from "~/utils/paths";
import { type CommandContext, command, invalid, ok } from "./runner.server";

/** Who gives the role: a coordinator or a system administrator. */
type Appointer = { personId: number; isAdmin: boolean };

/**
 * Invites a person into the cohort with a role. Someone Tandem already knows is added with the account and the
 * details they have, representing their own organisation in the cohort: an invitation never changes a person's
 * details. When the details typed differ and the inviter may not change them (mayEditProfile), the answer lists
 * the differences as not applied, and why, so the inviter knows the person's details stay theirs.
 */
export const invitePerson = command({
  async execute(c, input: InviteInput & { cohortId: number; appointer: Appointer }) {
    if (!rolesAppointableBy(input.appointer).includes(input.role))
      return invalid(
        "role",
        `Only a system administrator can appoint ${COHORT_ROLES[input.role].toLowerCase()}s`,
      );
    const existing = await findPersonByEmail(c.tx, input.email);
    const notApplied = existing ? await differencesNotApplied(c, existing.id, input) : null;
    const person = existing ?? (await createPerson(c.tx, input));
    const organisationId = existing ? existing.organisation_id : input.organisationId;
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
    // The token is null in the answer to a repeat of the same form (see `kept`).
    const link: { token: string | null; expiresAt: string } | null =
      account?.password_set_at || !(await mayIssueLinkFor(c.tx, input.appointer, person.id))
        ? null
        : await issueLink(c, {
            personId: person.id,
            purpose: "invite",
            cohortId: input.cohortId,
            role: roleLabel,
          });
    return ok({ personId: person.id, name: person.name, roleLabel, link, notApplied });
  },
  // A repeat of the same form is answered without the link's token: one-time links are kept only as their hashes.
  kept: ({ link, ...answer }) => ({ ...answer, link: link && { token: null, expiresAt: link.expiresAt } }),
});

/** The details typed for someone already in Tandem that differ from theirs, when the inviter may not change them. */
async function differencesNotApplied(
  c: CommandContext,
  personId: number,
  input: Pick<InviteInput, "name" | "organisationId" | "jobTitle" | "profession">,
): Promise<NotApplied | null> {
  const held = await getPerson(c.tx, personId);
  if (!held) return null;
  const named =
    input.organisationId === null
      ? undefined
      : (await listOrganisations(c.tx)).find((o) => o.id === input.organisationId);
  // Fields left blank are not differences: the inviter did not ask for them to change.
  const differences = profileDifferences(
    {
      name: held.name,
      organisation: held.organisation_name,
      jobTitle: held.job_title,
      profession: held.profession,
    },
    {
      name: input.name,
      organisation: named ? named.name : held.organisation_name,
      jobTitle: input.jobTitle ?? held.job_title,
      profession: input.profession ?? held.profession,
    },
  );
  if (differences.length === 0) return null;
  const may = await mayEditProfile(c.tx, c.actor, personId);
  return may.ok ? null : { reason: may.reason, differences };
}

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

/**
 * The forgotten-password page: emails a reset link to the account with this address, if there is one, unless the
 * address or the client has asked too often this hour. Nobody is signed in: the actor is Tandem, with the client's
 * address. The page answers the same whatever happened (`sent` is for the tests), so it tells nobody who has an
 * account; every request within the limit counts towards it, for known and unknown addresses alike.
 */
export const requestPasswordReset = command({
  async execute(c, input: { email: string; address: string }) {
    if (await resetRequestLimited(c.tx, input.email, input.address)) return ok({ sent: false });
    await recordResetRequest(c.tx, input.email, input.address);
    const account = await resettableAccount(c.tx, input.email);
    if (!account) return ok({ sent: false });
    c.audit({
      action: "password.reset_requested",
      subjectType: "person",
      subjectId: account.id,
      details: {},
    });
    await issueLink(c, {
      personId: account.id,
      purpose: "reset",
      cohortId: null,
      validMinutes: SELF_SERVICE_RESET_MINUTES,
    });
    return ok({ sent: true });
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

/**
 * An administrator appoints another on the administrators page: the person (created if Tandem does not know them)
 * administers the site; someone without a password yet is emailed an invitation to set one. Someone who already
 * administers the site is refused, so the page never says it did what was already done.
 */
export const appointAdministratorByInvitation = command({
  async execute(c, input: { name: string; email: string }) {
    const existing = await findPersonByEmail(c.tx, input.email);
    const person = existing ? await getPerson(c.tx, existing.id) : null;
    if (person?.is_admin === 1) return invalid("email", `${person.name} is already a system administrator`);
    const appointed =
      person ?? (await createPerson(c.tx, { name: input.name, email: input.email, organisationId: null }));
    await setAdmin(c.tx, appointed.id, true);
    c.audit({ action: "admin.appointed", subjectType: "person", subjectId: appointed.id, details: {} });
    const invited = !person?.password_set_at;
    if (invited)
      await issueLink(c, {
        personId: appointed.id,
        purpose: "invite",
        cohortId: null,
        role: "system administrator",
      });
    return ok({ name: person?.name ?? input.name, invited });
  },
});

/**
 * A new one-time link, audited, and emailed to the person: an invitation (into the cohort, with the role) or a
 * password reset.
 */
async function issueLink(
  c: CommandContext,
  input: {
    personId: number;
    purpose: LinkPurpose;
    cohortId: number | null;
    role?: string;
    validMinutes?: number;
  },
) {
  const link = await createOneTimeLink(c.tx, {
    personId: input.personId,
    purpose: input.purpose,
    createdBy: c.actor.personId,
    ...(input.validMinutes ? { validMinutes: input.validMinutes } : {}),
  });
  c.audit({
    action: input.purpose === "invite" ? "invitation.created" : "password.reset_link_created",
    subjectType: "person",
    subjectId: input.personId,
    cohortId: input.cohortId,
    details: { expiresAt: link.expiresAt },
  });
  const [person, sender, cohort] = await Promise.all([
    getPerson(c.tx, input.personId),
    c.actor.personId === null || c.actor.personId === input.personId
      ? null
      : getPerson(c.tx, c.actor.personId),
    input.cohortId === null ? null : getCohort(c.tx, input.cohortId),
  ]);
  if (person) {
    const url = c.link(paths.setPassword(link.token));
    c.send({
      kind: input.purpose === "invite" ? "invitation" : "password_reset",
      to: { personId: person.id, address: person.email, name: person.name },
      cohortId: input.cohortId,
      ...(input.purpose === "invite"
        ? invitationMail({
            name: person.name,
            invitedBy: sender?.name ?? null,
            cohort: cohort?.name ?? null,
            role: input.role ?? null,
            link: url,
            expiresAt: link.expiresAt,
          })
        : passwordResetMail({
            name: person.name,
            requestedBy: sender?.name ?? null,
            link: url,
            expiresAt: link.expiresAt,
          })),
    });
  }
  return link;
}
