// The emails that changes cause, built for the commands that make the changes: who gets each (read in the
// command's transaction) and what it says (app/domain/mail/templates.ts). The command declares them with c.send,
// so a refused change sends nothing. Each is mail people can turn off (personalMessages).
import type { OutgoingMessage } from "~/domain/mail/message";
import {
  panelAddedMail,
  resultsReleasedMail,
  scoringOpenMail,
  statementApprovedMail,
  statementChangesRequestedMail,
  statementSubmittedMail,
  teamPublishedMail,
} from "~/domain/mail/templates";
import { getPerson } from "~/models/person.server";
import { getPitchEvent, panelLeadersOf, teamLabel } from "~/models/pitch.server";
import { getCohort } from "~/models/programme.server";
import { getTeamWithPeople, listTeams } from "~/models/team.server";
import { paths } from "~/utils/paths";
import { type PersonalMail, personalMessages } from "./mail.server";
import type { CommandContext } from "./runner.server";

type Team = { id: number; cohortId: number };

/** Who acts, by name, for "Fiona Marsden published the teams"; null for Tandem itself. */
async function actorName(c: CommandContext): Promise<string | null> {
  return c.actor.personId === null ? null : ((await getPerson(c.tx, c.actor.personId))?.name ?? null);
}

async function cohortName(c: CommandContext, cohortId: number): Promise<string> {
  return (await getCohort(c.tx, cohortId))?.name ?? "your cohort";
}

/** "Your team is published": to every member and mentor of each team, naming the team's people. */
export async function teamPublishedMessages(c: CommandContext, cohortId: number): Promise<OutgoingMessage[]> {
  const [cohort, teams, publishedBy] = await Promise.all([
    cohortName(c, cohortId),
    listTeams(c.tx, cohortId),
    actorName(c),
  ]);
  const link = c.link(paths.cohort(cohortId).team());
  const mails = teams.flatMap((team) => {
    const about = {
      cohort,
      team: teamLabel(team),
      members: team.members.map((p) => p.name),
      mentors: team.mentors.map((p) => p.name),
      publishedBy,
      link,
    };
    return [
      ...team.members.map((person) => ({ person, role: "member" as const })),
      ...team.mentors.map((person) => ({ person, role: "mentor" as const })),
    ].map(
      ({ person, role }): PersonalMail => ({
        person,
        letter: (unsubscribe) => teamPublishedMail({ ...about, name: person.name, role, unsubscribe }),
        // Published once: publishing again does not write to people whose team is unchanged.
        dedupeKey: `team_published:${team.id}:${person.id}`,
      }),
    );
  });
  return personalMessages(c, { kind: "team_published", cohortId, mails });
}

async function teamWithPeople(c: CommandContext, team: Team) {
  const [cohort, people] = await Promise.all([
    cohortName(c, team.cohortId),
    getTeamWithPeople(c.tx, team.cohortId, team.id),
  ]);
  const link = c.link(paths.cohort(team.cohortId).teamOf(team.id).statement());
  return {
    about: { cohort, team: people ? teamLabel(people) : "Your team", link },
    members: people?.members ?? [],
    mentors: people?.mentors ?? [],
  };
}

/** "Your team submitted its problem statement": to the team's mentors. */
export async function statementSubmittedMessages(c: CommandContext, team: Team, version: number) {
  const [{ about, mentors }, submittedBy] = await Promise.all([teamWithPeople(c, team), actorName(c)]);
  return personalMessages(c, {
    kind: "statement_submitted",
    cohortId: team.cohortId,
    mails: mentors.map((person) => ({
      person,
      letter: (unsubscribe) =>
        statementSubmittedMail({ ...about, name: person.name, version, submittedBy, unsubscribe }),
    })),
  });
}

/**
 * The mentors' decision, to the team's members, when the statement moves on: changes requested (with the
 * comment of the mentor who asked) or approved. Nothing while it waits for the other mentor.
 */
export async function statementReviewedMessages(
  c: CommandContext,
  team: Team,
  review: {
    version: number;
    outcome: "approved" | "changes_requested" | "submitted";
    comment: string | null;
  },
) {
  if (review.outcome === "submitted") return [];
  const [{ about, members }, mentor] = await Promise.all([teamWithPeople(c, team), actorName(c)]);
  const { version, comment } = review;
  return personalMessages(c, {
    kind: "statement_reviewed",
    cohortId: team.cohortId,
    mails: members.map((person) => ({
      person,
      letter: (unsubscribe) =>
        review.outcome === "approved"
          ? statementApprovedMail({ ...about, name: person.name, version, unsubscribe })
          : statementChangesRequestedMail({
              ...about,
              name: person.name,
              version,
              mentor: mentor ?? "One of your mentors",
              comment,
              unsubscribe,
            }),
    })),
  });
}

/** "You were added to the pitch-day panel", with the day, time and place, to the leader. */
export async function panelAddedMessages(c: CommandContext, cohortId: number, leaderId: number) {
  const [cohort, event, leader, addedBy] = await Promise.all([
    cohortName(c, cohortId),
    getPitchEvent(c.tx, cohortId),
    getPerson(c.tx, leaderId),
    actorName(c),
  ]);
  if (!event || !leader) return [];
  return personalMessages(c, {
    kind: "panel_added",
    cohortId,
    mails: [
      {
        person: leader,
        letter: (unsubscribe) =>
          panelAddedMail({
            name: leader.name,
            cohort,
            addedBy,
            date: event.date,
            startTime: event.start_time,
            venue: event.venue,
            onlineLink: event.online_link,
            link: c.link(paths.cohort(cohortId).pitchDay.timetable()),
            unsubscribe,
          }),
      },
    ],
  });
}

/** "Scoring is open": to the leaders on the panel. */
export async function scoringOpenMessages(c: CommandContext, cohortId: number, eventId: number) {
  const [cohort, panel] = await Promise.all([cohortName(c, cohortId), panelLeadersOf(c.tx, eventId)]);
  const link = c.link(paths.cohort(cohortId).pitchDay.scoring());
  return personalMessages(c, {
    kind: "scoring_open",
    cohortId,
    mails: panel.map((person) => ({
      person,
      letter: (unsubscribe) => scoringOpenMail({ name: person.name, cohort, link, unsubscribe }),
    })),
  });
}

/**
 * "Your team's feedback is released": to the members of these teams (those just released), with the link and never
 * the scores.
 */
export async function resultsReleasedMessages(
  c: CommandContext,
  cohortId: number,
  teamIds: readonly number[],
) {
  const [cohort, all] = await Promise.all([cohortName(c, cohortId), listTeams(c.tx, cohortId)]);
  const teams = all.filter((team) => teamIds.includes(team.id));
  const link = c.link(paths.cohort(cohortId).pitchDay.feedback());
  return personalMessages(c, {
    kind: "results_released",
    cohortId,
    mails: teams.flatMap((team) =>
      team.members.map((person) => ({
        person,
        letter: (unsubscribe: string) =>
          resultsReleasedMail({ name: person.name, cohort, team: teamLabel(team), link, unsubscribe }),
      })),
    ),
  });
}
