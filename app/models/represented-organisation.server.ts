// The organisation a person represents in a cohort: the one their membership names (set when they are nominated),
// not the one on their profile, which may change after. It decides pitch-day conflicts and mentor pairing.

import { type Expression, expressionBuilder } from "kysely";
import type { CohortRole, Database } from "../../db/types";

/**
 * The id of the organisation `person` represents in `cohort` as `role`: a scalar subquery on two columns of the
 * outer query, as in `representedOrganisationId(eb.ref("pm.person_id"), eb.ref("pe.cohort_id"), "leader")`.
 * Null when the person has no such membership or it names no organisation (a person has one membership per
 * cohort and role, so it is never more than one row).
 */
export function representedOrganisationId(
  person: Expression<number>,
  cohort: Expression<number>,
  role: CohortRole,
) {
  return expressionBuilder<Database>()
    .selectFrom("memberships")
    .where("memberships.person_id", "=", person)
    .where("memberships.cohort_id", "=", cohort)
    .where("memberships.role", "=", role)
    .select("memberships.organisation_id");
}
