// A team's released pitch feedback and scores, as its members read them: the one view the feedback page shows and
// the coordinator previews before releasing it.
import type { TeamFeedback } from "~/models/pitch.server";
import { SummaryCard, Table } from "./govuk";

type Team = Omit<TeamFeedback, "id" | "label">;

/** The team's mean score on each criterion. */
export function TeamScores({ team }: { team: Team }) {
  return (
    <Table
      caption={`Your scores: the mean of ${team.sheets} ${team.sheets === 1 ? "leader's" : "leaders'"} scores on each criterion`}
      captionSize="s"
      firstCellIsHeader
      head={[
        { text: "Criterion" },
        { text: "Mean score", format: "numeric" },
        { text: "Out of", format: "numeric" },
      ]}
      rows={team.means.map((m) => [
        { text: m.name },
        { text: m.mean, format: "numeric" },
        { text: String(m.max), format: "numeric" },
      ])}
    />
  );
}

/** What each leader wrote, a card each, its title at `headingLevel`. */
export function TeamComments({ team, headingLevel }: { team: Team; headingLevel: 4 | 5 }) {
  const Inner = `h${headingLevel + 1}` as "h5" | "h6";
  return team.feedback.length ? (
    team.feedback.map((f) => (
      <SummaryCard key={f.key} headingLevel={headingLevel} title={f.from}>
        <Inner className="govuk-heading-s govuk-!-margin-bottom-1">What worked well</Inner>
        <p className="govuk-body tandem-feedback-text">{f.workedWell || "Nothing written"}</p>
        <Inner className="govuk-heading-s govuk-!-margin-bottom-1">What could be better</Inner>
        <p className="govuk-body tandem-feedback-text">{f.couldBeBetter || "Nothing written"}</p>
      </SummaryCard>
    ))
  ) : (
    <p className="govuk-body">No written feedback.</p>
  );
}
