// The audit actions of skills questionnaires, outcomes and team health: each action's details and its sentence.
import { formatUkDate } from "../calendar";
import {
  FOLLOW_UPS,
  type FollowUp,
  OUTCOME_STATUSES,
  type OutcomeStatus,
  SKILLS_PHASES,
  type SkillsPhase,
} from "../vocabulary";
import { count, sentence } from "./define";

type PhaseDeadline = { phase: SkillsPhase; deadline: string };

const questionnaire = (phase: SkillsPhase) =>
  `the ${SKILLS_PHASES[phase].toLowerCase()} skills questionnaire`;

export const skillsAudit = {
  "skills.opened": sentence<PhaseDeadline>(
    (d, who) => `${who.actor} opened ${questionnaire(d.phase)} until ${formatUkDate(d.deadline)}`,
  ),
  "skills.deadline_moved": sentence<PhaseDeadline>(
    (d, who) => `${who.actor} moved the deadline of ${questionnaire(d.phase)} to ${formatUkDate(d.deadline)}`,
  ),
  "skills.questions_saved": sentence<{ questions: number }>(
    (d, who) => `${who.actor} saved the skills questionnaire's ${count(d.questions, "question")}`,
  ),
  "skills.answered": sentence<{ phase: SkillsPhase }>(
    (d, who) => `${who.actor} answered ${questionnaire(d.phase)}`,
  ),
  // Events recorded before the team was named in the details still read: "a team's solution".
  "outcome.recorded": sentence<{ team?: string; followUp: FollowUp; status: OutcomeStatus }>(
    (d, who) =>
      `${who.actor} recorded ${d.team ? `${d.team}'s` : "a team's"} outcome ${FOLLOW_UPS[d.followUp].toLowerCase()} the programme: ${OUTCOME_STATUSES[d.status].toLowerCase()}`,
  ),
  "cohort.quiet_team_days_changed": sentence<{ from: number; to: number }>(
    (d, who) =>
      `${who.actor} changed when a quiet team is flagged from ${count(d.from, "day")} to ${count(d.to, "day")} without a session`,
  ),
};
