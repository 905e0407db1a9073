// The team commands through the runner: the change and its audit events in one transaction, nothing when refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "~/commands/runner.server";
import { addKeepApartPair, formCohortTeams, moveTeamMember } from "~/commands/teams.server";
import { DEFAULT_WEIGHTS } from "~/domain/team-formation";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeTeamCohort, makeWorld, type World } from "../setup/factories";

let db: Db;
let world: World;
let cohort: Awaited<ReturnType<typeof makeTeamCohort>>;
beforeEach(async () => {
  db = await memoryDb();
  world = await makeWorld(db);
  cohort = await makeTeamCohort(db, world.cohortA.id, { participants: 12, teams: 2, prefix: "Cmd" });
});
afterEach(async () => {
  await db.destroy();
});

const coordinator = () => ({ personId: world.people.coordinator.id, address: "203.0.113.9" });
const teamsVersion = async () =>
  (
    await db
      .selectFrom("cohorts")
      .where("id", "=", world.cohortA.id)
      .select("teams_version")
      .executeTakeFirstOrThrow()
  ).teams_version;
const events = () =>
  db
    .selectFrom("audit_events")
    .select(["action", "actor_person_id", "address", "details"])
    .orderBy("id")
    .execute();
const members = () =>
  db
    .selectFrom("team_members")
    .where("cohort_id", "=", world.cohortA.id)
    .select(["person_id", "team_id"])
    .orderBy("person_id")
    .execute();
const formTwoTeams = async () =>
  run(db, coordinator(), formCohortTeams, {
    cohortId: world.cohortA.id,
    version: await teamsVersion(),
    teamCount: 2,
    balance: ["profession"],
    notAlone: [],
    weights: DEFAULT_WEIGHTS,
  });

describe("team commands", () => {
  it("forms the teams and writes teams.formed with them, by whom and from where", async () => {
    expect(await formTwoTeams()).toMatchObject({ ok: true, teams: 2 });
    // The twelve made here and the world's own participant.
    expect(await members()).toHaveLength(13);
    const [event, ...others] = await events();
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      action: "teams.formed",
      actor_person_id: world.people.coordinator.id,
      address: "203.0.113.9",
    });
    expect(JSON.parse(event!.details)).toMatchObject({ people: 13, teams: 2, locks: 0 });
  });

  it("writes nothing, not even the version, when the form is stale", async () => {
    await formTwoTeams();
    const version = await teamsVersion();
    const [before, logged] = [await members(), (await events()).length];
    const stale = await run(db, coordinator(), moveTeamMember, {
      cohortId: world.cohortA.id,
      version: version - 1,
      personId: cohort.participants[0]!.id,
      team: 2,
    });
    expect(stale).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Someone else changed the teams/),
    });
    expect(await members()).toEqual(before);
    expect(await events()).toHaveLength(logged);
    expect(await teamsVersion()).toBe(version);
  });

  it("writes nothing, not even the version, when the input is refused", async () => {
    await formTwoTeams();
    const version = await teamsVersion();
    const logged = (await events()).length;
    const refused = await run(db, coordinator(), addKeepApartPair, {
      cohortId: world.cohortA.id,
      version,
      personA: cohort.participants[0]!.id,
      personB: world.people.mentor.id,
    });
    expect(refused).toEqual({ ok: false, invalid: { personB: ["Choose a participant of this cohort"] } });
    expect(await db.selectFrom("team_constraints").selectAll().execute()).toEqual([]);
    expect(await events()).toHaveLength(logged);
    expect(await teamsVersion()).toBe(version);
  });

  it("logs a move against both teams it changes", async () => {
    await formTwoTeams();
    const mover = (await members())[0]!;
    const [from, to] = await db
      .selectFrom("teams")
      .where("cohort_id", "=", world.cohortA.id)
      .select(["id", "number"])
      .orderBy("number")
      .execute();
    const source = mover.team_id === from!.id ? from! : to!;
    const target = source === from ? to! : from!;
    const moved = await run(db, coordinator(), moveTeamMember, {
      cohortId: world.cohortA.id,
      version: await teamsVersion(),
      personId: mover.person_id,
      team: target.number,
    });
    expect(moved).toMatchObject({ ok: true, from: source.number, to: target.number });
    const logged = await db
      .selectFrom("audit_events")
      .where("action", "=", "team.member_moved")
      .select("subject_id")
      .orderBy("subject_id")
      .execute();
    expect(logged.map((e) => e.subject_id)).toEqual([from!.id, to!.id]);
  });
});
