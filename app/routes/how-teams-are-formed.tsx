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
        Tandem puts a cohort's N participants into T mixed teams. G of them work in government. Some rules
        always hold; among the arrangements that keep them, Tandem looks for the one that costs least, and
        says how close to the best possible it is.
      </p>
      <h2 className="govuk-heading-m">Rules that always hold</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <strong>H1 sizes</strong>: every team has ⌊N/T⌋ or ⌈N/T⌉ members (40 people in 6 teams: 6 or 7).
        </li>
        <li>
          <strong>H2 sector</strong>: every team has ⌊G/T⌋ or ⌈G/T⌉ government members.
        </li>
        <li>
          <strong>H3 coordinator choices</strong>: people locked to a team stay there, and people to be kept
          apart are in different teams.
        </li>
      </ul>
      <p className="govuk-body">
        If these cannot all hold (for example, more people are locked to a team than it can hold), Tandem
        forms no teams and says which rule fails and why.
      </p>
      <h2 className="govuk-heading-m">What costs</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <strong>C1 colleagues</strong>: the number of pairs of people from the same organisation in the same
          team.
        </li>
        <li>
          <strong>C2 balance</strong>: for each attribute chosen for balancing (profession by default), the
          sum over teams and values of how far the count in the team is from its fair share: team size × count
          in the cohort ÷ N.
        </li>
        <li>
          <strong>C3 not alone</strong>: for each attribute chosen as "not alone", the number of teams where
          someone is the only one with a value that at least two people in the cohort share.
        </li>
      </ul>
      <Table
        caption="Default weights (the coordinator can change them)"
        captionSize="s"
        head={[{ text: "Cost term" }, { text: "Weight", format: "numeric" }]}
        rows={[
          [{ text: "C1 colleagues" }, { text: String(DEFAULT_WEIGHTS.colleagues), format: "numeric" }],
          [{ text: "C3 not alone" }, { text: String(DEFAULT_WEIGHTS.notAlone), format: "numeric" }],
          [{ text: "C2 balance" }, { text: String(DEFAULT_WEIGHTS.balance), format: "numeric" }],
        ]}
      />
      <p className="govuk-body">The total is 100 × C1 + 10 × C3 + C2 with the default weights.</p>
      <h2 className="govuk-heading-m">How good the answer is</h2>
      <p className="govuk-body">
        Tandem searches by swapping and moving people between teams, scoring each change from the two teams it
        touches, and starts again from fresh arrangements to avoid getting stuck. It also works out a{" "}
        <strong>lower bound</strong>: no arrangement can cost less. The bound counts each organisation (spread
        as evenly as possible) and each attribute value (placed at its own best) separately.
      </p>
      <p className="govuk-body">
        The teams screen shows the cost, the bound and the gap between them. Tandem says the teams are{" "}
        <strong>optimal</strong> only when it has proved it: the cost equals the bound, or (for very small
        cohorts) every possible arrangement was tried.
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
