// Cohort set-up against a real SQLite database: imports, withdrawal, milestones, visits and their sequences.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { importNominations, reinstateNomination, withdrawNomination } from "~/commands/nominations.server";
import { type Actor, run, SYSTEM } from "~/commands/runner.server";
import { cancelVisit, editVisit } from "~/commands/visits.server";
import { parseNominationsCsv } from "~/domain/csv-nominations";
import { addOrganisationToCohort, listCohortOrganisations } from "~/models/cohort-organisation.server";
import { getNomination, previewNominations } from "~/models/nomination.server";
import { createOrganisation } from "~/models/person.server";
import { rolesInCohort } from "~/models/programme.server";
import {
  getVisit,
  listMilestones,
  listVisits,
  moveMilestone,
  proposeRota,
  recordAttendance,
} from "~/models/visit.server";
import type { Db } from "../../db/connection";
import { memoryDb } from "../setup/db";
import { makeCohort, makeMember, makeProgramme } from "../setup/factories";

const DEMO_ORGANISATIONS = [
  ["HM Revenue & Customs", "government", "england-and-wales"],
  ["Department for Work and Pensions", "government", "england-and-wales"],
  ["Home Office", "government", "england-and-wales"],
  ["Ministry of Justice", "government", "england-and-wales"],
  ["Scottish Government", "government", "scotland"],
  ["Kestrel Systems", "industry", "england-and-wales"],
  ["Thistle Networks", "industry", "scotland"],
  ["Lagan Digital", "industry", "northern-ireland"],
  ["Brightwater Consulting", "industry", "england-and-wales"],
] as const;

let db: Db;
let cohort: { id: number; name: string };
let coordinator: { id: number };
let actor: Actor;

beforeEach(async () => {
  db = await memoryDb();
  await db.transaction().execute(async (tx) => {
    for (const [name, sector, region] of DEMO_ORGANISATIONS)
      await createOrganisation(tx, {
        name,
        sector,
        kind: sector === "industry" ? "company" : "department",
        region,
      });
  });
  const programme = await makeProgramme(db);
  cohort = await makeCohort(db, programme.id, { startDate: "2027-01-04" });
  coordinator = await makeMember(db, cohort.id, "coordinator");
  actor = { personId: coordinator.id, address: "test" };
});

/** Imports the corrected demo file, agreeing (or not) to create Northwind Labs in England and Wales. */
function importCorrected(createNorthwind = true) {
  return run(db, actor, importNominations, {
    cohortId: cohort.id,
    rows: corrected(),
    create: createNorthwind ? ["Northwind Labs"] : [],
    regions: ["england-and-wales"],
  });
}

async function counts() {
  const count = async (
    table: "people" | "memberships" | "organisations" | "cohort_organisations" | "accounts",
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    people: await count("people"),
    accounts: await count("accounts"),
    memberships: await count("memberships"),
    organisations: await count("organisations"),
    cohortOrganisations: await count("cohort_organisations"),
  };
}

function corrected() {
  const parsed = parseNominationsCsv(readFileSync("tests/fixtures/demo-nominations-corrected.csv"));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

describe("importing nominations", () => {
  it("previews without writing, then imports in one go; the same file twice leaves the same rows", async () => {
    const before = await counts();
    const preview = await previewNominations(db, cohort.id, corrected(), []);
    expect(preview.missingOrganisations).toEqual([
      { name: "Northwind Labs", sector: "industry", rows: [11, 12] },
    ]);
    expect(preview.rows.every((r) => r.outcome === "new person")).toBe(true);
    expect(await counts()).toEqual(before);

    const first = await importCorrected();
    expect(first).toEqual({
      ok: true,
      summary: { added: 12, joined: 0, updated: 0, unchanged: 0, organisations: 1, notApplied: 0 },
    });
    const afterFirst = await counts();
    expect(afterFirst.people).toBe(before.people + 12);
    const organisations = await listCohortOrganisations(db, cohort.id);
    expect(organisations.find((o) => o.name === "Kestrel Systems")).toMatchObject({ nominated: 2, quota: 2 });
    expect(organisations.find((o) => o.name === "HM Revenue & Customs")).toMatchObject({
      nominated: 1,
      quota: null,
    });

    const again = await previewNominations(db, cohort.id, corrected(), []);
    expect(again.missingOrganisations).toEqual([]);
    expect(again.rows.every((r) => r.outcome === "already in the cohort")).toBe(true);
    const second = await importCorrected();
    expect(second).toEqual({
      ok: true,
      summary: { added: 0, joined: 0, updated: 0, unchanged: 12, organisations: 0, notApplied: 0 },
    });
    expect(await counts()).toEqual(afterFirst);
  });

  it("leaves nothing behind when an import is refused", async () => {
    const before = await counts();
    // Without agreeing to create Northwind Labs, rows 11 and 12 cannot be imported: rows 2 to 10 must not be either.
    expect(await importCorrected(false)).toEqual({
      ok: false,
      invalid: {
        create: [
          "Select “Create Northwind Labs”, or correct the organisation's name in your spreadsheet and upload it again",
        ],
      },
    });
    expect(await counts()).toEqual(before);
    const audit = await db.selectFrom("audit_events").selectAll().execute();
    expect(audit).toEqual([]);
  });

  it("matches people by email in any case, and records the line manager", async () => {
    await importCorrected();
    const person = await db
      .selectFrom("people")
      .where("email_key", "=", "aoife.brennan@hmrc.example")
      .select("id")
      .executeTakeFirstOrThrow();
    const nomination = await getNomination(db, cohort.id, person.id);
    expect(nomination).toMatchObject({
      release_status: "requested",
      line_manager_email: "mark.khan@hmrc.example",
    });
  });
});

describe("withdrawing", () => {
  it("keeps the person's history but takes away their access", async () => {
    const participant = await makeMember(db, cohort.id, "participant");
    const org = await db
      .selectFrom("organisations")
      .where("name", "=", "Kestrel Systems")
      .select(["id", "sector"])
      .executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => addOrganisationToCohort(tx, cohort.id, org, { hostsVisit: true }));
    const { rota } = await proposeRota(db, { ...(await fullCohort()) });
    expect(rota?.ok).toBe(true);
    const visitId = await plannedVisit(org.id, "2027-02-17");
    await db
      .transaction()
      .execute((tx) =>
        recordAttendance(tx, visitId, [{ personId: participant.id, status: "attended" }], coordinator.id),
      );
    const nomination = (await getNomination(db, cohort.id, participant.id))!;
    const which = {
      cohortId: cohort.id,
      membershipId: nomination.membershipId,
      personId: participant.id,
      version: nomination.version,
    };
    expect(await run(db, actor, withdrawNomination, { ...which, reason: "Moved to a new post" })).toEqual({
      ok: true,
    });
    expect(await rolesInCohort(db, cohort.id, participant.id)).toEqual([]);
    expect(await getNomination(db, cohort.id, participant.id)).toMatchObject({
      withdrawal_reason: "Moved to a new post",
    });
    expect(
      await db.selectFrom("attendance").where("person_id", "=", participant.id).select("status").execute(),
    ).toEqual([{ status: "attended" }]);
    // The form read before the withdrawal is now stale.
    expect(await run(db, actor, reinstateNomination, which)).toMatchObject({
      ok: false,
      conflict: expect.stringMatching(/^Someone else changed this person's nomination/),
    });
    expect(await rolesInCohort(db, cohort.id, participant.id)).toEqual([]);
  });
});

async function fullCohort() {
  return db.selectFrom("cohorts").where("id", "=", cohort.id).selectAll().executeTakeFirstOrThrow();
}

async function plannedVisit(organisationId: number, date: string) {
  const at = new Date().toISOString();
  const row = await db
    .insertInto("visits")
    .values({
      cohort_id: cohort.id,
      organisation_id: organisationId,
      date,
      start_time: "10:00",
      end_time: "16:00",
      address: null,
      agenda: null,
      contact_name: null,
      contact_email: null,
      cancel_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("the calendar's sequences", () => {
  it("raises a milestone's sequence each time it moves, and refuses a stale move", async () => {
    const c = await fullCohort();
    const before = (await listMilestones(db, c)).find((m) => m.kind === "mid-point")!;
    expect(before).toMatchObject({ date: "2027-02-17", week: 7, sequence: 0, version: 0 });
    expect(await db.transaction().execute((tx) => moveMilestone(tx, c, "mid-point", "2027-02-24", 0))).toBe(
      true,
    );
    const moved = (await listMilestones(db, c)).find((m) => m.kind === "mid-point")!;
    expect(moved).toMatchObject({ date: "2027-02-24", week: 8, version: 1 });
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(await db.transaction().execute((tx) => moveMilestone(tx, c, "mid-point", "2027-03-03", 0))).toBe(
      false,
    );
    expect(await db.transaction().execute((tx) => moveMilestone(tx, c, "mid-point", "2027-03-03", 1))).toBe(
      true,
    );
    expect((await listMilestones(db, c)).find((m) => m.kind === "mid-point")!.sequence).toBe(
      moved.sequence + 1,
    );
  });

  it("raises a visit's sequence when it moves or is cancelled, not when only its agenda changes", async () => {
    const org = await db
      .selectFrom("organisations")
      .where("name", "=", "Kestrel Systems")
      .select(["id", "sector"])
      .executeTakeFirstOrThrow();
    const id = await plannedVisit(org.id, "2027-02-17");
    const input = {
      date: "2027-02-17",
      startTime: "10:00",
      endTime: "16:00",
      address: null,
      agenda: "Tour",
      contactName: null,
      contactEmail: null,
    };
    const c = await fullCohort();
    const edit = async (changes: Partial<typeof input>, version: number) =>
      run(db, SYSTEM, editVisit, {
        ...input,
        ...changes,
        version,
        cohort: c,
        visit: (await getVisit(db, cohort.id, id))!,
      });
    let visit = (await getVisit(db, cohort.id, id))!;
    expect(await edit({}, visit.version)).toMatchObject({ ok: true, moved: false });
    visit = (await getVisit(db, cohort.id, id))!;
    expect(visit.sequence).toBe(0);
    expect(await edit({ date: "2027-02-24" }, visit.version)).toMatchObject({ ok: true, moved: true });
    visit = (await getVisit(db, cohort.id, id))!;
    expect(visit).toMatchObject({ date: "2027-02-24", sequence: 1, version: 3 });
    expect(await edit({}, 1)).toMatchObject({ ok: false, conflict: expect.stringMatching(/this visit/) });
    expect(
      await run(db, SYSTEM, cancelVisit, {
        reason: "Office move",
        version: visit.version,
        cohortId: c.id,
        visit,
      }),
    ).toMatchObject({ ok: true });
    expect((await listVisits(db, cohort.id))[0]).toMatchObject({
      status: "cancelled",
      cancel_reason: "Office move",
      sequence: 2,
    });
  });

  it("plans only hosts without a visit, leaving days already taken free", async () => {
    for (const name of ["Kestrel Systems", "Thistle Networks"]) {
      const org = await db
        .selectFrom("organisations")
        .where("name", "=", name)
        .select(["id", "sector"])
        .executeTakeFirstOrThrow();
      await db
        .transaction()
        .execute((tx) => addOrganisationToCohort(tx, cohort.id, org, { hostsVisit: true }));
    }
    const kestrel = await db
      .selectFrom("organisations")
      .where("name", "=", "Kestrel Systems")
      .select("id")
      .executeTakeFirstOrThrow();
    await plannedVisit(kestrel.id, "2027-01-13");
    const { rota, hostsWithoutVisit } = await proposeRota(db, await fullCohort());
    expect(hostsWithoutVisit).toBe(1);
    expect(rota?.ok && rota.visits.map((v) => v.host)).toEqual(["Thistle Networks"]);
  });
});
