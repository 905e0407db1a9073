// What the statement page shows: the latest version, where it stands with the mentors, and the reviews so far.
import type { TeamAccess } from "~/auth/team-access.server";
import { formatUkDateTime, todayInLondon } from "~/domain/calendar";
import { awaitingReview, deadlineState, statementDeadline } from "~/domain/problem-statement";
import { teamLabel } from "~/models/mentoring.server";
import { getStatement, versionText } from "~/models/problem-statement.server";
import { listMilestones } from "~/models/visit.server";
import type { Db } from "../../../db/connection";

export async function statementPage(
  db: Db,
  { user, cohort, team, coordinates, isMentor, isMember }: TeamAccess,
) {
  const [statement, milestones] = await Promise.all([getStatement(db, team.id), listMilestones(db, cohort)]);
  const deadline = statementDeadline(cohort.start_date, cohort.weeks, milestones);
  const reviews = (statement?.reviews ?? []).map((r) => ({
    mentorId: r.mentor_id,
    versionNumber: r.version_number,
    decision: r.decision,
    at: r.created_at,
  }));
  const waitingFor =
    statement?.status === "submitted" && statement.submitted_version !== null
      ? awaitingReview(
          team.mentors.map((m) => m.id),
          reviews,
          statement.submitted_version,
        )
      : [];
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    isMember,
    status: statement?.status ?? null,
    version: statement?.version ?? 0,
    submittedVersion: statement?.submitted_version ?? null,
    current: statement?.current ? versionText(statement.current) : null,
    savedBy: statement?.current
      ? `${statement.current.author_name}, ${formatUkDateTime(statement.current.created_at)}`
      : null,
    deadline,
    deadlineState: deadlineState(statement?.first_submitted_at ?? null, deadline, todayInLondon()),
    waitingFor: team.mentors.filter((m) => waitingFor.includes(m.id)).map((m) => m.name),
    mayReview: isMentor && waitingFor.includes(user.personId),
    mayApproveOnBehalf: coordinates && statement?.status === "submitted",
    reviews: (statement?.reviews ?? []).map((r) => ({
      id: r.id,
      version: r.version_number,
      mentor: r.mentor_name,
      reviewer: r.reviewer_id === r.mentor_id ? null : r.reviewer_name,
      decision: r.decision,
      comment: r.comment,
      reason: r.on_behalf_reason,
      at: formatUkDateTime(r.created_at),
    })),
  };
}

export type StatementPage = Awaited<ReturnType<typeof statementPage>>;
