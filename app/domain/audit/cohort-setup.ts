// The audit actions of cohort set-up (invitations and sign-in links, nominations, organisations, milestones): each
// action's details and its sentence in the audit log.
import { formatUkDate, formatUkDateTime } from "../calendar";
import {
  COHORT_ROLES,
  type CohortRole,
  MILESTONE_KINDS,
  type MilestoneKind,
  RELEASE_STATUSES,
  type ReleaseStatus,
} from "../vocabulary";
import { count, sentence, type Who } from "./define";

const someone = (who: Who) => who.subject ?? "someone";

/** "a participant", "an organisation" */
function withArticle(noun: string) {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** Events written before the expiry was recorded (the command line's) have none. */
const validUntil = (expiresAt: string | undefined) =>
  expiresAt ? `, valid until ${formatUkDateTime(expiresAt)}` : "";

type OrganisationDetails = { name: string; hostsVisit: boolean; quota: number | null };

const hosting = (d: OrganisationDetails) =>
  `${d.hostsVisit ? "hosting a visit" : "not hosting a visit"}, ${d.quota === null ? "no nomination quota" : `a quota of ${d.quota}`}`;

export const cohortSetupAudit = {
  "role.granted": sentence<{ role: CohortRole; newPerson: boolean }>(
    (d, who) =>
      `${who.actor} added ${someone(who)} to the cohort as ${withArticle(COHORT_ROLES[d.role].toLowerCase())}${d.newPerson ? " (new to Tandem)" : ""}`,
  ),
  "invitation.created": sentence<{ expiresAt?: string }>(
    (d, who) => `${who.actor} created an invitation link for ${someone(who)}${validUntil(d.expiresAt)}`,
  ),
  "password.reset_link_created": sentence<{ expiresAt?: string }>(
    (d, who) => `${who.actor} created a password reset link for ${someone(who)}${validUntil(d.expiresAt)}`,
  ),
  "admin.appointed": sentence<Record<never, never>>(
    (_d, who) => `${who.actor} made ${someone(who)} a system administrator`,
  ),
  "nominations.imported": sentence<{
    rows: number;
    added: number;
    joined: number;
    updated: number;
    unchanged: number;
    organisations: number;
    /** Recorded since issue 13: people whose differing details the importer was not allowed to change. */
    notApplied?: number;
  }>(
    (d, who) =>
      `${who.actor} imported ${count(d.rows, "nomination")}: ${d.added} new to Tandem, ${d.joined} already in Tandem joined, ${d.updated} updated, ${d.unchanged} unchanged${d.notApplied ? `; the details of ${count(d.notApplied, "person", "people")} in other cohorts left as they were` : ""}${d.organisations ? `; ${count(d.organisations, "organisation")} created` : ""}`,
  ),
  "membership.organisation_changed": sentence<{ from: string | null; to: string | null }>(
    (d, who) =>
      `${who.actor} changed the organisation ${someone(who)} represents in the cohort from ${d.from ?? "none"} to ${d.to ?? "none"}, which decides their conflicts of interest`,
  ),
  "nomination.updated": sentence<{ releaseStatus: ReleaseStatus | null; lineManagerEmail: string | null }>(
    (d, who) =>
      `${who.actor} updated the nomination of ${someone(who)}: line manager release ${d.releaseStatus ? RELEASE_STATUSES[d.releaseStatus].toLowerCase() : "not asked yet"}, ${d.lineManagerEmail ? `line manager ${d.lineManagerEmail}` : "no line manager's email"}`,
  ),
  "nomination.withdrawn": sentence<{ reason: string }>(
    (d, who) => `${who.actor} withdrew ${someone(who)} from the cohort: ${d.reason}`,
  ),
  "nomination.reinstated": sentence<Record<never, never>>(
    (_d, who) => `${who.actor} brought ${someone(who)} back into the cohort`,
  ),
  "cohort.organisation_added": sentence<OrganisationDetails & { created: boolean }>(
    (d, who) =>
      `${who.actor} added ${d.name}${d.created ? " (new to Tandem)" : ""} to the cohort, ${hosting(d)}`,
  ),
  "cohort.organisation_updated": sentence<OrganisationDetails & { unavailable: string[] }>(
    (d, who) =>
      `${who.actor} changed ${d.name}'s part in the cohort: ${hosting(d)}, ${d.unavailable.length ? `cannot host on ${d.unavailable.map(formatUkDate).join(", ")}` : "no dates it cannot host"}`,
  ),
  "milestone.moved": sentence<{ kind: MilestoneKind; from: string; to: string }>(
    (d, who) =>
      `${who.actor} moved the milestone “${MILESTONE_KINDS[d.kind]}” from ${formatUkDate(d.from)} to ${formatUkDate(d.to)}`,
  ),
};
