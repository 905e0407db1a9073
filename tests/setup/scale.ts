// A world with one of everything a list page shows (for the query-discipline and index tests), and a way to
// grow it: many more rows of every kind, in the same shapes, so a page's SQL should not change with it.
import { todayInLondon } from "~/domain/calendar";
import type { OutgoingMessage } from "~/domain/mail/message";
import { addOrganisationToCohort } from "~/models/cohort-organisation.server";
import { createSession } from "~/models/mentoring.server";
import { enqueueMessages, listMessages } from "~/models/outbox.server";
import { saveOutcome } from "~/models/outcome.server";
import {
  addPanelMember,
  createPitchEvent,
  declareConflict,
  listRubric,
  releaseResults,
  replaceSlots,
  saveSheet,
  setScoringState,
} from "~/models/pitch.server";
import { recordReviews, saveStatementVersion, submitStatement } from "~/models/problem-statement.server";
import { addMembership } from "~/models/programme.server";
import { openPhase, saveAnswers } from "~/models/skills.server";
import {
  addKeepApart,
  listTeams,
  publishTeams,
  replaceMentors,
  saveTeams,
  saveTeamVersion,
  snapshotOf,
} from "~/models/team.server";
import { moveMilestone, recordAttendance } from "~/models/visit.server";
import type { Db, Tx } from "../../db/connection";
import { recordAudit } from "./audit";
import { cohortSetupWorld } from "./cohort-setup";
import {
  makeCohort,
  makeMember,
  makeOrganisation,
  makePerson,
  makeProgramme,
  makeWorld,
  PITCH_DAY,
} from "./factories";
import { makeMentoringTeams } from "./mentoring";

const STATEMENT = {
  category: "operational" as const,
  department: "HMRC",
  problem: "p",
  affected: "a",
  evidence: "e",
  approach: "x",
  success_measures: "s",
};

/**
 * makeWorld's cohort A with published teams (mentoring sessions, a reviewed statement), a visit with attendance,
 * organisations, nominations, the skills questionnaire, an outcome, a keep-apart pair, audit events and a pitch
 * day whose scoring is open and whose results are released (sheets from the world's leader), and an email in the
 * outbox.
 */
export async function smallWorld(db: Db) {
  const world = await makeWorld(db);
  const setup = await cohortSetupWorld(db, world);
  const mentoring = await makeMentoringTeams(db, world);
  const cohortId = world.cohortA.id;
  const event = await db.transaction().execute((tx) => createPitchEvent(tx, cohortId, PITCH_DAY));
  const teamVersionId = await db.transaction().execute(async (tx) => {
    await replaceSlots(tx, event.id, [mentoring.team1, mentoring.team2], null);
    await addPanelMember(tx, event.id, world.people.leader.id);
    await setScoringState(tx, event.id, "open");
    const rubric = await listRubric(tx, event.id);
    for (const teamId of [mentoring.team1, mentoring.team2])
      await submitSheet(tx, event.id, world.people.leader.id, teamId, rubric);
    await releaseResults(tx, event.id);
    const statement = await tx
      .selectFrom("problem_statements")
      .where("team_id", "=", mentoring.team1)
      .select("id")
      .executeTakeFirstOrThrow();
    await reviewRound(tx, statement.id, 1, world.people.mentor.id, [
      world.people.mentor.id,
      mentoring.govMentor1.id,
    ]);
    await recordAttendance(
      tx,
      setup.visitId,
      [{ personId: world.people.participant.id, status: "attended" }],
      world.people.coordinator.id,
    );
    await openPhase(tx, cohortId, "start", "2099-01-01", 0);
    await answerSkills(tx, cohortId, world.people.participant.id);
    await saveOutcome(
      tx,
      mentoring.team1,
      { followUp: "3-months", status: "piloted", note: null, expectedRecordedAt: "" },
      world.people.coordinator.id,
    );
    await addKeepApart(tx, cohortId, mentoring.teammate.id, mentoring.other1.id);
    await tx
      .updateTable("memberships")
      .set({ release_status: "requested", line_manager_email: "manager@example.test" })
      .where("cohort_id", "=", cohortId)
      .where("role", "=", "participant")
      .execute();
    for (const [i, actor] of [world.people.coordinator, world.people.otherCohort].entries())
      await recordAudit(tx, {
        actorId: actor.id,
        action: "person.invited",
        subjectType: "person",
        subjectId: world.people.participant.id,
        cohortId: i === 0 ? cohortId : world.cohortB.id,
        details: {},
      });
    await enqueueMessages(tx, [mail(world.people.participant)]);
    // The teams as they were before a confirmed change, to restore.
    return saveTeamVersion(tx, {
      cohortId,
      savedBy: world.people.coordinator.id,
      cause: "regenerated",
      reason: "New participants were released",
      snapshot: snapshotOf(await listTeams(tx, cohortId)),
    });
  });
  const [message] = await listMessages(db, { limit: 1, offset: 0 });
  return { ...world, ...setup, mentoring, eventId: event.id, messageId: message!.id, teamVersionId };
}

export type SmallWorld = Awaited<ReturnType<typeof smallWorld>>;

/** An email to someone, as a command would declare it. */
function mail(to: { id: number; name: string; email: string }, n = 1): OutgoingMessage {
  return {
    kind: "team_published",
    to: { personId: to.id, address: to.email, name: to.name },
    subject: `Your team is published (${n})`,
    text: `Dear ${to.name},\n\nSee your team: https://tandem.example.test/`,
    html: `<p>Dear ${to.name},</p>`,
  };
}

async function submitSheet(
  tx: Tx,
  eventId: number,
  personId: number,
  teamId: number,
  rubric: Array<{ id: number; max: number }>,
) {
  await saveSheet(
    tx,
    {
      eventId,
      personId,
      teamId,
      status: "submitted",
      workedWell: "Clear problem",
      couldBeBetter: "More evidence",
      scores: new Map(rubric.map((c, i) => [c.id, 1 + ((personId + teamId + i) % c.max)])),
    },
    0,
  );
}

/** Submits the statement at `version` and has `reviewer` ask for changes. */
async function reviewRound(
  tx: Tx,
  statementId: number,
  version: number,
  reviewer: number,
  mentors: number[],
) {
  await submitStatement(tx, statementId, version);
  await recordReviews(tx, statementId, version, mentors, [
    {
      mentorId: reviewer,
      reviewerId: reviewer,
      decision: "changes_requested",
      comment: `Round ${version}`,
      onBehalfReason: null,
    },
  ]);
}

async function answerSkills(tx: Tx, cohortId: number, personId: number) {
  const questions = await tx
    .selectFrom("skills_questions")
    .where("cohort_id", "=", cohortId)
    .select("id")
    .execute();
  await saveAnswers(
    tx,
    cohortId,
    personId,
    "start",
    questions.map((q, i) => ({ questionId: q.id, confidence: 1 + ((personId + i) % 5) })),
  );
}

/**
 * Many more of everything in cohort A (participants, mentors, teams, sessions with attendees and actions,
 * statement versions and reviews, visits with attendance, organisations, leaders with sheets, conflicts,
 * keep-apart pairs, answers, outcomes, audit events), more teams for the world's mentor, and more cohorts and
 * programmes around it. The world's people keep their roles in cohort A, and some join two more cohorts: the
 * coordinator coordinates them, and each has a pitch day in running order with scoring open, visits and a moved
 * milestone, at which the world's leader sits on the panel, the world's participant pitches and the calendar-feed
 * owner mentors a team. So the home page (a leader scoring, a participant pitching) and the calendar feed show
 * more cohorts' pitch days too.
 */
export async function growWorld(db: Db, world: SmallWorld, options: { teams?: number } = {}) {
  const teamCount = options.teams ?? 10;
  const cohortId = world.cohortA.id;
  const today = todayInLondon();
  const { mentoring, people } = world;
  await db.transaction().execute(async (tx) => {
    const organisations = [];
    for (let i = 0; i < 12; i++) {
      const organisation = await makeOrganisation(tx, i % 2 ? "industry" : "government");
      await addOrganisationToCohort(tx, cohortId, organisation, { hostsVisit: i % 2 === 1 });
      organisations.push(organisation);
    }
    const hosts = await tx
      .selectFrom("cohort_organisations")
      .where("cohort_id", "=", cohortId)
      .where("hosts_visit", "=", 1)
      .select("id")
      .execute();
    await tx
      .insertInto("host_unavailable_dates")
      .values(
        hosts.flatMap((h) =>
          ["2027-02-03", "2027-02-17"].map((date) => ({ cohort_organisation_id: h.id, date })),
        ),
      )
      .execute();

    const newcomers = [];
    for (let i = 0; i < teamCount * 5; i++)
      newcomers.push(
        await makeMember(tx, cohortId, "participant", { organisationId: organisations[i % 12]!.id }),
      );
    await tx
      .updateTable("memberships")
      .set({ release_status: "requested", line_manager_email: "manager@example.test" })
      .where("cohort_id", "=", cohortId)
      .where("role", "=", "participant")
      .execute();
    const members: number[][] = [
      [people.participant.id, mentoring.teammate.id, ...newcomers.slice(0, 3).map((p) => p.id)],
      [mentoring.other1.id, mentoring.other2.id, ...newcomers.slice(3, 6).map((p) => p.id)],
    ];
    for (let t = 2; t < teamCount; t++) members.push(newcomers.slice(t * 5 - 4, t * 5 + 1).map((p) => p.id));
    await saveTeams(tx, cohortId, members, new Set());
    const teams = await tx
      .selectFrom("teams")
      .where("cohort_id", "=", cohortId)
      .select(["id", "number"])
      .orderBy("number")
      .execute();
    const assignments = [
      {
        teamId: mentoring.team1,
        personId: people.mentor.id,
        sector: "industry" as const,
        overrideReason: null,
      },
      {
        teamId: mentoring.team1,
        personId: mentoring.govMentor1.id,
        sector: "government" as const,
        overrideReason: null,
      },
      {
        teamId: mentoring.team2,
        personId: mentoring.indMentor2.id,
        sector: "industry" as const,
        overrideReason: null,
      },
      {
        teamId: mentoring.team2,
        personId: mentoring.govMentor2.id,
        sector: "government" as const,
        overrideReason: null,
      },
    ];
    const mentorsOf = new Map<number, number[]>([
      [mentoring.team1, [people.mentor.id, mentoring.govMentor1.id]],
      [mentoring.team2, [mentoring.indMentor2.id, mentoring.govMentor2.id]],
    ]);
    for (const team of teams.slice(2)) {
      // The world's mentor mentors team 3 as well: their pages show two teams.
      const industry =
        team.number === 3
          ? people.mentor
          : await makeMember(tx, cohortId, "mentor", { organisationId: organisations[1]!.id });
      const government = await makeMember(tx, cohortId, "mentor", { organisationId: organisations[0]!.id });
      assignments.push(
        { teamId: team.id, personId: industry.id, sector: "industry", overrideReason: null },
        { teamId: team.id, personId: government.id, sector: "government", overrideReason: null },
      );
      mentorsOf.set(team.id, [industry.id, government.id]);
    }
    await replaceMentors(tx, cohortId, assignments);

    for (const [index, team] of teams.entries()) {
      const teamMembers = members[index]!;
      const mentors = mentorsOf.get(team.id)!;
      for (let s = 0; s < 6; s++) {
        await createSession(
          tx,
          team.id,
          mentors[s % 2]!,
          {
            date: today,
            durationMinutes: 30 + s,
            format: "video",
            summary: `Session ${s + 1}`,
            followUpDate: s === 5 ? "2099-01-01" : null,
            attendees: [
              ...teamMembers.map((personId) => ({ personId, role: "member" as const })),
              ...mentors.map((personId) => ({ personId, role: "mentor" as const })),
            ],
            actions: teamMembers.slice(0, 3).map((ownerId, a) => ({
              id: null,
              ownerId,
              text: `Action ${s + 1}.${a + 1}`,
              dueDate: today,
            })),
          },
          `Private note ${s + 1}`,
        );
      }
      if (index >= 2) {
        await saveStatementVersion(
          tx,
          team.id,
          0,
          { title: `Team ${team.number} statement`, ...STATEMENT },
          teamMembers[0]!,
        );
        await saveStatementVersion(
          tx,
          team.id,
          1,
          { title: `Team ${team.number} statement, v2`, ...STATEMENT },
          teamMembers[1]!,
        );
      }
      await saveOutcome(
        tx,
        team.id,
        { followUp: "6-months", status: "taken-forward", note: "Scaled up", expectedRecordedAt: "" },
        people.coordinator.id,
      );
    }
    // Team 1's statement goes round four more times: versions 2-5, each submitted and sent back.
    const statement = await tx
      .selectFrom("problem_statements")
      .where("team_id", "=", mentoring.team1)
      .select("id")
      .executeTakeFirstOrThrow();
    for (let version = 2; version <= 5; version++) {
      await saveStatementVersion(
        tx,
        mentoring.team1,
        version - 1,
        { title: `Team 1 statement, v${version}`, ...STATEMENT },
        people.participant.id,
      );
      await reviewRound(tx, statement.id, version, mentoring.govMentor1.id, mentorsOf.get(mentoring.team1)!);
    }

    const participants = members.flat();
    for (let v = 0; v < 8; v++) {
      const visitId = await addVisit(
        tx,
        cohortId,
        organisations[1 + 2 * (v % 6)]!.id,
        `2027-0${2 + (v % 3)}-1${v}`,
      );
      await recordAttendance(
        tx,
        visitId,
        participants.map((personId, i) => ({ personId, status: i % 7 ? "attended" : "apologies" })),
        people.coordinator.id,
      );
    }
    await recordAttendance(
      tx,
      world.visitId,
      participants.map((personId) => ({ personId, status: "attended" })),
      people.coordinator.id,
    );
    for (const personId of participants.slice(2)) await answerSkills(tx, cohortId, personId);
    for (let i = 0; i + 1 < 20; i += 2)
      await addKeepApart(tx, cohortId, newcomers[i]!.id, newcomers[i + 1]!.id);

    const rubric = await listRubric(tx, world.eventId);
    await replaceSlots(
      tx,
      world.eventId,
      teams.map((t) => t.id),
      "grown",
    );
    const leaders = [people.leader.id];
    for (let l = 0; l < 8; l++)
      leaders.push((await makeMember(tx, cohortId, "leader", { organisationId: organisations[l]!.id })).id);
    for (const leaderId of leaders.slice(1)) await addPanelMember(tx, world.eventId, leaderId);
    for (const leaderId of leaders)
      for (const team of teams) {
        if (leaderId === people.leader.id && (team.id === mentoring.team1 || team.id === mentoring.team2))
          continue;
        await submitSheet(tx, world.eventId, leaderId, team.id, rubric);
      }
    for (const [i, leaderId] of leaders.slice(1, 4).entries())
      await declareConflict(tx, world.eventId, leaderId, teams[2 + i]!.id, "Worked with a member");

    await enqueueMessages(
      tx,
      newcomers.map((person, n) => mail(person, n + 2)),
    );
    for (let e = 0; e < 300; e++)
      await recordAudit(tx, {
        actorId: e % 3 ? people.coordinator.id : people.admin.id,
        action: e % 2 ? "person.invited" : "visit.updated",
        subjectType: e % 2 ? "person" : "visit",
        subjectId: e % 2 ? participants[e % participants.length]! : world.visitId,
        cohortId: e % 5 ? cohortId : world.cohortB.id,
        details:
          e % 2
            ? { n: e }
            : { host: "Acme", from: "2027-01-13", to: "2027-01-20", startTime: "10:00", endTime: "15:00" },
      });

    // Cohorts and programmes around cohort A: the world's coordinator also coordinates two more cohorts, each
    // with a pitch day the world's leader scores and participant pitches at, and the feed owner mentors in.
    for (let p = 0; p < 3; p++) {
      const programme = p === 0 ? world.programme : await makeProgramme(tx);
      for (let c = 0; c < 3; c++) {
        const cohort = await makeCohort(tx, programme.id);
        if (p === 0 && c < 2) await addMembership(tx, cohort.id, people.coordinator.id, "coordinator");
        else await makeMember(tx, cohort.id, "coordinator");
        const cohortParticipants = [];
        for (let i = 0; i < 8; i++) cohortParticipants.push(await makeMember(tx, cohort.id, "participant"));
        if (p === 0 && c < 2)
          await pitchCohort(
            tx,
            cohort.id,
            world,
            cohortParticipants.map((person) => person.id),
            organisations,
          );
      }
    }
    for (let i = 0; i < 10; i++) await makePerson(tx);
  });
}

async function addVisit(tx: Tx, cohortId: number, organisationId: number, date: string) {
  const at = new Date().toISOString();
  const visit = await tx
    .insertInto("visits")
    .values({
      cohort_id: cohortId,
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
  return visit.id;
}

/**
 * Another cohort of the world's leader, participant and feed owner: three published teams (the participant in
 * team 1, the feed owner mentoring team 2), a pitch day in running order with scoring open, the leader on its
 * panel with a sheet submitted and a conflict declared, visits and a moved milestone.
 */
async function pitchCohort(
  tx: Tx,
  cohortId: number,
  world: SmallWorld,
  participants: number[],
  organisations: Array<{ id: number }>,
) {
  const { people } = world;
  await addMembership(tx, cohortId, people.leader.id, "leader");
  await addMembership(tx, cohortId, people.participant.id, "participant");
  await addMembership(tx, cohortId, world.feedOwnerId, "mentor");
  await saveTeams(
    tx,
    cohortId,
    [
      [people.participant.id, ...participants.slice(0, 2)],
      participants.slice(2, 5),
      participants.slice(5, 8),
    ],
    new Set(),
  );
  const teams = await tx
    .selectFrom("teams")
    .where("cohort_id", "=", cohortId)
    .select("id")
    .orderBy("number")
    .execute();
  const mentors = [];
  for (const [t, team] of teams.entries()) {
    const government =
      t === 1
        ? world.feedOwnerId
        : (await makeMember(tx, cohortId, "mentor", { organisationId: organisations[0]!.id })).id;
    const industry = await makeMember(tx, cohortId, "mentor", { organisationId: organisations[1]!.id });
    mentors.push(
      { teamId: team.id, personId: government, sector: "government" as const, overrideReason: null },
      { teamId: team.id, personId: industry.id, sector: "industry" as const, overrideReason: null },
    );
  }
  await replaceMentors(tx, cohortId, mentors);
  await publishTeams(tx, cohortId);

  const event = await createPitchEvent(tx, cohortId, PITCH_DAY);
  await replaceSlots(tx, event.id, teams.map((t) => t.id).reverse(), "grown");
  await addPanelMember(tx, event.id, people.leader.id);
  await setScoringState(tx, event.id, "open");
  await submitSheet(tx, event.id, people.leader.id, teams[0]!.id, await listRubric(tx, event.id));
  await declareConflict(tx, event.id, people.leader.id, teams[2]!.id, "Worked with a member");

  for (let v = 0; v < 2; v++) await addVisit(tx, cohortId, organisations[1 + 2 * v]!.id, `2027-02-1${v}`);
  const cohort = await tx
    .selectFrom("cohorts")
    .where("id", "=", cohortId)
    .select(["id", "start_date", "weeks", "version"])
    .executeTakeFirstOrThrow();
  await moveMilestone(tx, cohort, "mid-point", "2027-02-24", 0);
}
