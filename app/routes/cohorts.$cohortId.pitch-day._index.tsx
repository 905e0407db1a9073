// Running the pitch day: its details, the set-up tasks, the scoring window, and (apart from it) each team's results:
// released through a confirmation page, withdrawn until the ranking is published, and the ranking's publication.
import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { closeScoring, openScoring, publishRankingToCohort } from "~/commands/pitch-day.server";
import { invalid } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, InsetText, SummaryList, Tag, TaskList } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { ResultsByTeam } from "~/components/ResultsByTeam";
import { formatUkDateTime, formatUkDateWithDay, todayInLondon } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import { earlyScoringWarning } from "~/domain/pitch-day";
import { ScoringWindowSchema } from "~/forms/pitch-day";
import { change, submitForm } from "~/forms/submit.server";
import { getPitchEvent, pitchDayProgress, releasedTeams } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Run the pitch day");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) return { cohort, pitchDay: null };
  const [{ panel, rubric, expected, submitted, drafts }, released] = await Promise.all([
    pitchDayProgress(context.db, cohort.id, event.id),
    releasedTeams(context.db, event.id),
  ]);
  return {
    cohort,
    pitchDay: {
      version: event.version,
      date: formatUkDateWithDay(event.date),
      startTime: event.start_time,
      venue: event.venue,
      onlineLink: event.online_link,
      slot: `${event.pitch_minutes} minutes' pitch, ${event.questions_minutes} minutes' questions, ${event.changeover_minutes} minutes' changeover`,
      attribution: event.feedback_attribution,
      scoringState: event.scoring_state,
      openedAt: event.scoring_opened_at ? formatUkDateTime(event.scoring_opened_at) : null,
      closedAt: event.scoring_closed_at ? formatUkDateTime(event.scoring_closed_at) : null,
      releasedAt: event.results_released_at ? formatUkDateTime(event.results_released_at) : null,
      rankingPublishedAt: event.ranking_published_at ? formatUkDateTime(event.ranking_published_at) : null,
      teams: panel.teams.length,
      ordered: panel.ordered,
      panelSize: panel.panel.length,
      conflicts: panel.conflicts.length,
      criteria: rubric.length,
      expected,
      submitted,
      drafts,
      /** Each pitching team, with when its results were released (null: not released). */
      results: panel.teams.map((team) => ({
        id: team.id,
        label: team.label,
        releasedAt: released.has(team.id) ? formatUkDateTime(released.get(team.id)!) : null,
      })),
      /** Opening scoring now would be more than a day before the pitch day. */
      earlyOpening: earlyScoringWarning(event.date, todayInLondon()) !== null,
    },
  };
}

const STEPS = {
  open: { command: openScoring, banner: "Scoring is open: the panel can score the pitches" },
  close: { command: closeScoring, banner: "Scoring is closed" },
  "publish-ranking": { command: publishRankingToCohort, banner: "Ranking published to the cohort" },
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  return submitForm(context, request, user, {
    schema: ScoringWindowSchema,
    change: async ({ intent, version }) => {
      const event = await getPitchEvent(context.db, cohort.id);
      if (!event) return invalid("", "Set the pitch day details first");
      const step = STEPS[intent];
      return change(
        step.command,
        { cohortId: cohort.id, eventId: event.id, version },
        { to: paths.cohort(cohort.id).pitchDay.home(), banner: step.banner },
      );
    },
  });
}

const STATE_TAG = {
  not_open: { text: "Not open yet", colour: "grey" },
  open: { text: "Open", colour: "green" },
  closed: { text: "Closed", colour: "red" },
} as const;

export default function RunPitchDay() {
  const { cohort, pitchDay } = useLoaderData<typeof loader>();
  const [form] = useForm<z.input<typeof ScoringWindowSchema>>({ lastResult: useActionData<typeof action>() });
  const to = paths.cohort(cohort.id);
  if (!pitchDay)
    return (
      <>
        <BackLink href={to.home()}>Back to {cohort.name}</BackLink>
        <PageHeading caption={cohort.name}>Run the pitch day</PageHeading>
        <p className="govuk-body">
          Each team pitches its solution to a panel of senior leaders, who score it against a rubric and give
          written feedback. Start by setting the date and the length of each slot.
        </p>
        <Button href={to.pitchDay.event()}>Set up the pitch day</Button>
      </>
    );
  const p = pitchDay;
  const locked = p.scoringState !== "not_open";
  const released = p.results.filter((team) => team.releasedAt).length;
  const setUp = (done: boolean, text?: string) =>
    done
      ? { text: text ?? "Completed" }
      : { tag: { text: text ?? "Not yet started", colour: "blue" as const } };
  return (
    <>
      <BackLink href={to.home()}>Back to {cohort.name}</BackLink>
      <FormErrorSummary form={form} />
      <PageHeading caption={cohort.name}>Run the pitch day</PageHeading>
      <SummaryList
        rows={[
          {
            key: "Date and start",
            value: `${p.date} at ${p.startTime}`,
            actions: [{ href: to.pitchDay.event(), text: "Change", visuallyHiddenText: "pitch day details" }],
          },
          { key: "Where", value: [p.venue, p.onlineLink].filter(Boolean).join(" and online at ") },
          { key: "Each slot", value: p.slot },
          {
            key: "Feedback",
            value: p.attribution === "attributed" ? "Attributed to each leader" : "Anonymous",
          },
        ]}
      />
      <h2 className="govuk-heading-m">Before the day</h2>
      <TaskList
        items={[
          {
            title: "Running order",
            href: to.pitchDay.order(),
            hint: plural(p.teams, "team"),
            status: setUp(p.ordered, p.ordered ? "Set" : undefined),
          },
          {
            title: "Panel and conflicts",
            href: to.pitchDay.panel(),
            hint: `${plural(p.panelSize, "senior leader")} on the panel; ${plural(p.conflicts, "conflict")}`,
            status: setUp(p.panelSize > 0, p.panelSize > 0 ? "Set" : undefined),
          },
          {
            title: "Rubric",
            href: to.pitchDay.rubric(),
            hint: `${p.criteria} ${p.criteria === 1 ? "criterion" : "criteria"}${locked ? "; locked since scoring opened" : ""}`,
            status: locked ? { text: "Locked" } : { text: "Defaults ready to edit" },
          },
          {
            title: "Timetable",
            href: to.pitchDay.timetable(),
            hint: "What the cohort sees; printable",
            status: setUp(p.ordered, p.ordered ? "Ready" : "Needs the running order"),
          },
        ]}
      />
      <h2 className="govuk-heading-m" id="scoring" tabIndex={-1}>
        Scoring
      </h2>
      <SummaryList
        rows={[
          {
            key: "Scoring",
            value: <Tag colour={STATE_TAG[p.scoringState].colour}>{STATE_TAG[p.scoringState].text}</Tag>,
          },
          ...(p.openedAt ? [{ key: "Opened", value: p.openedAt }] : []),
          ...(p.closedAt ? [{ key: "Closed", value: p.closedAt }] : []),
          {
            key: "Sheets submitted",
            value: `${p.submitted} of ${p.expected}${p.drafts ? ` (${plural(p.drafts, "draft")})` : ""}`,
          },
          {
            key: "Results",
            value:
              released === 0 ? (
                <Tag colour="grey">Not released: only coordinators can see them</Tag>
              ) : released < p.results.length ? (
                <Tag colour="blue">{`Released to ${released} of ${plural(p.results.length, "team")}`}</Tag>
              ) : (
                <>
                  <Tag colour="green">Released to every team</Tag>
                  {p.releasedAt ? ` on ${p.releasedAt}` : ""}
                </>
              ),
          },
          {
            key: "Ranking",
            value: p.rankingPublishedAt ? `Published ${p.rankingPublishedAt}` : "Not published",
          },
        ]}
      />
      {p.scoringState === "not_open" ? (
        <InsetText>Opening scoring locks the rubric. Set the running order and the panel first.</InsetText>
      ) : null}
      {p.scoringState === "closed" && released > 0 ? (
        <InsetText>
          Scoring cannot reopen while any team's results are released. To let a leader finish a sheet,
          withdraw the released results first.
        </InsetText>
      ) : null}
      <Form method="post" {...formProps(form)} key={p.version}>
        <input type="hidden" name="version" value={p.version} />
        <div className="govuk-button-group">
          {p.scoringState !== "open" && released === 0 && !p.rankingPublishedAt ? (
            p.earlyOpening ? (
              // More than a day before the pitch day: the coordinator confirms on the next page.
              <Button href={to.pitchDay.openScoring()}>
                {p.scoringState === "closed" ? "Reopen scoring" : "Open scoring"}
              </Button>
            ) : (
              <Button name="intent" value="open">
                {p.scoringState === "closed" ? "Reopen scoring" : "Open scoring"}
              </Button>
            )
          ) : null}
          {p.scoringState === "open" ? (
            <Button name="intent" value="close" variant="warning">
              Close scoring
            </Button>
          ) : null}
        </div>
      </Form>
      <h2 className="govuk-heading-m" id="results" tabIndex={-1}>
        Results
      </h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={to.pitchDay.results()}>
          See the results
        </Link>{" "}
        {released === 0
          ? "(only coordinators can see them until you release them)"
          : released < p.results.length
            ? `(${released} of ${plural(p.results.length, "team")} can see their own results; the others will once you release them)`
            : "(each team can see its own results)"}
      </p>
      {p.scoringState === "closed" ? (
        <ResultsByTeam cohortId={cohort.id} teams={p.results} published={p.rankingPublishedAt !== null} />
      ) : (
        <p className="govuk-body">You can release the results to the teams once scoring is closed.</p>
      )}
      {p.releasedAt && !p.rankingPublishedAt ? (
        <Form method="post" key={`publish-${p.version}`}>
          <input type="hidden" name="version" value={p.version} />
          <p className="govuk-body">
            Publishing the ranking shows every team's place to the whole cohort. After that, released results
            can no longer be withdrawn.
          </p>
          <Button name="intent" value="publish-ranking" variant="secondary">
            Publish the ranking to the cohort
          </Button>
        </Form>
      ) : null}
    </>
  );
}
