import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Table } from "~/components/govuk";
import { StaticPage } from "~/components/StaticPage";
import { DEFAULT_WEIGHTS } from "~/domain/team-formation";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("How teams are formed");
export const ErrorBoundary = RouteErrorBoundary;

export default function HowTeamsAreFormed() {
  return (
    <StaticPage heading="How teams are formed">
      <p className="govuk-body">
        Tandem puts a cohort's participants into mixed teams. Some rules always hold; among the arrangements
        that keep them, Tandem looks for the one that costs least, and says how close to the best possible it
        is.
      </p>
      <h2 className="govuk-heading-m">Rules that always hold</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <strong>Team sizes</strong>: every team has the same number of members, give or take one (40 people
          in 6 teams: 6 or 7 in each), and everyone is in a team.
        </li>
        <li>
          <strong>Government and industry</strong>: the people from government are spread the same way, so
          every team has the same number of them, give or take one.
        </li>
        <li>
          <strong>Your choices</strong>: people you lock to a team stay there, and people you choose to keep
          apart are in different teams.
        </li>
      </ul>
      <p className="govuk-body">
        If these cannot all hold (for example, more people are locked to a team than it can hold), Tandem
        forms no teams and says which rule fails and why.
      </p>
      <h2 className="govuk-heading-m">What Tandem aims for</h2>
      <p className="govuk-body">
        Each aim has a cost when it is missed. Tandem adds the costs up, each times its weight, and looks for
        the teams with the lowest total.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <strong>Colleagues apart</strong>: nobody is in a team with a colleague from their own organisation.
          It costs 1 for each pair of people from the same organisation in the same team.
        </li>
        <li>
          <strong>Balance</strong>: each team has its fair share of each value you choose to balance
          (profession, unless you choose otherwise). A team's fair share of a value is its size times the
          number of people in the cohort with that value, divided by the number of people in the cohort. It
          costs how far each team is from its fair share.
        </li>
        <li>
          <strong>Nobody alone</strong>: everyone is in a team with someone who shares their value (for
          example, their profession), when others in the cohort share it. It costs 1 for each person who is
          the only one of their kind in their team.
        </li>
      </ul>
      <Table
        caption="Default weights (the coordinator can change them)"
        captionSize="s"
        head={[{ text: "Aim" }, { text: "Weight", format: "numeric" }]}
        rows={[
          [{ text: "Colleagues apart" }, { text: String(DEFAULT_WEIGHTS.colleagues), format: "numeric" }],
          [{ text: "Nobody alone" }, { text: String(DEFAULT_WEIGHTS.notAlone), format: "numeric" }],
          [{ text: "Balance" }, { text: String(DEFAULT_WEIGHTS.balance), format: "numeric" }],
        ]}
      />
      <p className="govuk-body">
        With the default weights, a pair of colleagues in one team costs as much as 10 people who are the only
        one of their kind, or 100 places away from a fair share.
      </p>
      <h2 className="govuk-heading-m">How good the answer is</h2>
      <p className="govuk-body">
        Tandem searches by swapping and moving people between teams, scoring each change from the two teams it
        touches, and starts again from fresh arrangements to avoid getting stuck. It also works out the{" "}
        <strong>lowest cost possible</strong>: no arrangement can cost less. It counts each organisation
        (spread as evenly as possible) and each attribute value (placed at its own best) separately.
      </p>
      <p className="govuk-body">
        The teams screen shows the cost, the lowest cost possible and the gap between them. Tandem says the
        teams are <strong>the best possible</strong> only when it has proved it: the cost equals the lowest
        possible, or (for very small cohorts) every possible arrangement was tried.
      </p>
      <h2 className="govuk-heading-m">Mentors</h2>
      <p className="govuk-body">
        Each team gets one industry mentor and one government mentor. A mentor is in conflict with a team when
        someone in it is from the mentor's organisation. Tandem finds the pairing with the fewest conflicts
        (the Hungarian method), so it never pairs with a conflict when a pairing without one exists. When none
        exists, it explains which teams cannot be served and why, and the coordinator can accept the conflicts
        with a recorded reason.
      </p>
    </StaticPage>
  );
}
