// The pitch day's results, team by team, for the coordinator: released or not, with the link to release a team's
// results (through its confirmation page) or to withdraw them (until the ranking is published), and the button to
// release every team's not yet released.
import { Link } from "@remix-run/react";
import { paths } from "~/utils/paths";
import { Button, Table, Tag } from "./govuk";

type Props = {
  cohortId: number;
  /** Each pitching team, with when its results were released (null: not released). */
  teams: Array<{ id: number; label: string; releasedAt: string | null }>;
  /** The ranking is published to the cohort: released results are final. */
  published: boolean;
};

export function ResultsByTeam({ cohortId, teams, published }: Props) {
  const pitchDay = paths.cohort(cohortId).pitchDay;
  return (
    <>
      <Table
        caption="Results by team"
        captionSize="s"
        head={[{ text: "Team" }, { text: "Results" }, { text: "Action" }]}
        firstCellIsHeader
        rows={teams.map((team) => [
          { text: team.label },
          {
            text: team.releasedAt ? (
              <>
                <Tag colour="green">Released</Tag> {team.releasedAt}
              </>
            ) : (
              <Tag colour="grey">Not released</Tag>
            ),
          },
          {
            text: team.releasedAt ? (
              published ? (
                "Final: the ranking is published"
              ) : (
                <Link className="govuk-link" to={pitchDay.withdraw(team.id)}>
                  Withdraw<span className="govuk-visually-hidden"> {team.label}'s results</span>
                </Link>
              )
            ) : (
              <Link className="govuk-link" to={pitchDay.release(team.id)}>
                Release<span className="govuk-visually-hidden"> {team.label}'s results</span>
              </Link>
            ),
          },
        ])}
      />
      {teams.some((team) => !team.releasedAt) ? (
        <Button href={pitchDay.release()} variant="secondary">
          Release results to teams
        </Button>
      ) : null}
    </>
  );
}
