// Who may change a person's shared profile (name, email, organisation, job title, profession): the person, a site
// administrator, or a coordinator who coordinates EVERY cohort the person is (or was) in, so that nobody can
// rewrite the details of someone who belongs to cohorts they do not run. Commands ask this before writing the
// people table; pages ask it to decide what to offer.
import type { Actor } from "~/commands/runner.server";
import type { NominationRow } from "~/domain/csv-nominations";
import { notAppliedReason } from "~/domain/profile";
import { peopleOfRows } from "~/models/nomination.server";
import { profileEditFacts } from "~/models/person.server";
import type { Db } from "../../db/connection";

/** Whether the actor may change the person's details; when not, the reason in plain words. */
export type ProfileEdit = { ok: true } | { ok: false; reason: string };

const ALLOWED: ProfileEdit = { ok: true };

/** mayEditProfile for several people at once (two queries), by person id. */
export async function mayEditProfiles(
  db: Db,
  actor: Pick<Actor, "personId">,
  personIds: number[],
): Promise<Map<number, ProfileEdit>> {
  // The command line and Tandem's own jobs act for the site's operator.
  if (actor.personId === null) return new Map(personIds.map((id) => [id, ALLOWED]));
  const actorId = actor.personId;
  const facts = await profileEditFacts(db, actorId, [...new Set(personIds)]);
  const decide = (person: (typeof facts.people)[number]): ProfileEdit => {
    if (person.id === actorId || facts.actorIsAdmin) return ALLOWED;
    if (person.isAdmin) return { ok: false, reason: notAppliedReason(person, "administrator") };
    if (person.inCohortsOfOthers) return { ok: false, reason: notAppliedReason(person, "other cohorts") };
    return ALLOWED;
  };
  return new Map(facts.people.map((person) => [person.id, decide(person)]));
}

/** Whether `actor` may change the shared details of the person (see the top of this file). */
export async function mayEditProfile(
  db: Db,
  actor: Pick<Actor, "personId">,
  personId: number,
): Promise<ProfileEdit> {
  return (await mayEditProfiles(db, actor, [personId])).get(personId) ?? ALLOWED;
}

/**
 * Why the actor may not change the details of each person the nomination rows name who is already in Tandem, by
 * person id: the import's preview shows their differences as not applied, and the import leaves them alone.
 */
export async function lockedProfiles(
  db: Db,
  actor: Pick<Actor, "personId">,
  rows: NominationRow[],
): Promise<Map<number, string>> {
  const people = await peopleOfRows(db, rows);
  const decisions = await mayEditProfiles(
    db,
    actor,
    people.map((p) => p.id),
  );
  return new Map(
    [...decisions].flatMap(([id, decision]) => (decision.ok ? [] : [[id, decision.reason] as const])),
  );
}
