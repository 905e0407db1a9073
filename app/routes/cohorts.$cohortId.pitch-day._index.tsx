// Running the pitch day: its details, the set-up tasks, and the scoring window, release and publishing.
import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, SummaryList, Tag, TaskList } from "~/components/govuk";
import { formatUkDateTime, formatUkDateWithDay } from "~/domain/calendar";
import { type FieldErrors, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  claimEventVersion,
  getPitchEvent,
  listAllSheets,
  listRubric,
  pitchDayPanel,
  publishRanking,
  releaseResults,
  setScoringState,
} from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Run the pitch day");
export const ErrorBoundary = RouteErrorBoundary;

async function pitchDayState(context: AppLoadContext, cohortId: number) {
  const db = context.db;
  const event = await getPitchEvent(db, cohortId);
  if (!event) return null;
  const [panel, rubric, sheets] = await Promise.all([
    pitchDayPanel(db, cohortId, event.id),
    listRubric(db, event.id),
    listAllSheets(db, event.id),
  ]);
  const expected = panel.panel.length * panel.teams.length - panel.conflicts.length;
  const conflicted = new Set(panel.conflicts.map((c) => `${c.leaderId}|${c.teamId}`));
  const submitted = sheets.filter(
    (s) => s.status === "submitted" && !conflicted.has(`${s.person_id}|${s.team_id}`),
  ).length;
  return {
    event,
    panel,
    rubric,
    expected,
    submitted,
    drafts: sheets.filter((s) => s.status === "draft").length,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const state = await pitchDayState(context, cohort.id);
  if (!state) return { cohort, pitchDay: null };
  const { event, panel, rubric, expected, submitted, drafts } = state;
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
    },
  };
}

const ScoringSchema = z.object({
  intent: z.enum(["open", "close", "release", "publish-ranking"], { message: "Choose what to do" }),
  version: z.string().regex(/^\d+$/, "Reload the page and try again").transform(Number),
});

const BANNERS = {
  open: "Scoring is open: the panel can score the pitches",
  close: "Scoring is closed",
  release: "Results released: each team can now read its own feedback and scores",
  "publish-ranking": "Ranking published to the cohort",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const form = parseForm(await request.formData(), ScoringSchema);
  const refuse = (message: string, status = 400) =>
    data({ errors: { scoring: message } as FieldErrors }, { status });
  if (!form.ok) return refuse(Object.values(form.errors)[0]!);
  const state = await pitchDayState(context, cohort.id);
  if (!state) return refuse("Set the pitch day details first");
  const { event, panel, rubric } = state;
  const { intent, version } = form.data;
  if (intent === "open") {
    if (event.scoring_state === "open") return refuse("Scoring is already open");
    if (event.results_released_at) return refuse("Scoring cannot reopen after the results were released");
    if (!panel.ordered) return refuse("Set the running order before opening scoring");
    if (panel.panel.length === 0) return refuse("Add senior leaders to the panel before opening scoring");
    if (rubric.length === 0) return refuse("Add at least one criterion to the rubric before opening scoring");
  }
  if (intent === "close" && event.scoring_state !== "open") return refuse("Scoring is not open");
  if (intent === "release") {
    if (event.scoring_state !== "closed") return refuse("Close scoring before releasing the results");
    if (event.results_released_at) return refuse("The results have already been released");
  }
  if (intent === "publish-ranking") {
    if (!event.results_released_at) return refuse("Release the results before publishing the ranking");
    if (event.ranking_published_at) return refuse("The ranking is already published");
  }
  const saved = await context.db.transaction().execute(async (tx) => {
    if (!(await claimEventVersion(tx, event.id, version))) return false;
    if (intent === "open") await setScoringState(tx, event.id, "open");
    if (intent === "close") await setScoringState(tx, event.id, "closed");
    if (intent === "release") await releaseResults(tx, event.id);
    if (intent === "publish-ranking") await publishRanking(tx, event.id);
    await recordAudit(tx, {
      actorId: user.personId,
      action: `pitch_day.${intent === "open" ? "scoring_opened" : intent === "close" ? "scoring_closed" : intent === "release" ? "results_released" : "ranking_published"}`,
      subjectType: "pitch_event",
      subjectId: event.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { submitted: state.submitted, expected: state.expected },
    });
    return true;
  });
  if (!saved)
    return refuse(
      "Someone else changed the pitch day while you were looking at it. Check the page as it is now and try again.",
      409,
    );
  return redirectWithBanner(context, request, `/cohorts/${cohort.id}/pitch-day`, BANNERS[intent]);
}

const STATE_TAG = {
  not_open: { text: "Not open yet", colour: "grey" },
  open: { text: "Open", colour: "green" },
  closed: { text: "Closed", colour: "red" },
} as const;

export default function RunPitchDay() {
  const { cohort, pitchDay } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/cohorts/${cohort.id}/pitch-day`;
  if (!pitchDay)
    return (
      <>
        <BackLink href={`/cohorts/${cohort.id}`}>Back to {cohort.name}</BackLink>
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Run the pitch day
        </h1>
        <p className="govuk-body">
          Each team pitches its solution to a panel of senior leaders, who score it against a rubric and give
          written feedback. Start by setting the date and the length of each slot.
        </p>
        <Button href={`${base}/event`}>Set up the pitch day</Button>
      </>
    );
  const p = pitchDay;
  const locked = p.scoringState !== "not_open";
  const setUp = (done: boolean, text?: string) =>
    done
      ? { text: text ?? "Completed" }
      : { tag: { text: text ?? "Not yet started", colour: "blue" as const } };
  return (
    <>
      <BackLink href={`/cohorts/${cohort.id}`}>Back to {cohort.name}</BackLink>
      <FormErrorSummary errors={actionData?.errors} ids={{ scoring: "scoring" }} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Run the pitch day
      </h1>
      <SummaryList
        rows={[
          {
            key: "Date and start",
            value: `${p.date} at ${p.startTime}`,
            actions: [{ href: `${base}/event`, text: "Change", visuallyHiddenText: "pitch day details" }],
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
            href: `${base}/order`,
            hint: `${p.teams} teams`,
            status: setUp(p.ordered, p.ordered ? "Set" : undefined),
          },
          {
            title: "Panel and conflicts",
            href: `${base}/panel`,
            hint: `${p.panelSize} senior leaders on the panel; ${p.conflicts} conflicts`,
            status: setUp(p.panelSize > 0, p.panelSize > 0 ? "Set" : undefined),
          },
          {
            title: "Rubric",
            href: `${base}/rubric`,
            hint: `${p.criteria} criteria${locked ? "; locked since scoring opened" : ""}`,
            status: locked ? { text: "Locked" } : { text: "Defaults ready to edit" },
          },
          {
            title: "Timetable",
            href: `${base}/timetable`,
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
            value: `${p.submitted} of ${p.expected}${p.drafts ? ` (${p.drafts} drafts)` : ""}`,
          },
          { key: "Results", value: p.releasedAt ? `Released ${p.releasedAt}` : "Seen only by coordinators" },
          {
            key: "Ranking",
            value: p.rankingPublishedAt ? `Published ${p.rankingPublishedAt}` : "Not published",
          },
        ]}
      />
      {p.scoringState === "not_open" ? (
        <InsetText>Opening scoring locks the rubric. Set the running order and the panel first.</InsetText>
      ) : null}
      <Form method="post" noValidate key={p.version}>
        <input type="hidden" name="version" value={p.version} />
        <div className="govuk-button-group">
          {p.scoringState !== "open" && !p.releasedAt ? (
            <Button name="intent" value="open">
              {p.scoringState === "closed" ? "Reopen scoring" : "Open scoring"}
            </Button>
          ) : null}
          {p.scoringState === "open" ? (
            <Button name="intent" value="close" variant="warning">
              Close scoring
            </Button>
          ) : null}
          {p.scoringState === "closed" && !p.releasedAt ? (
            <Button name="intent" value="release" variant="secondary">
              Release results to teams
            </Button>
          ) : null}
          {p.releasedAt && !p.rankingPublishedAt ? (
            <Button name="intent" value="publish-ranking" variant="secondary">
              Publish the ranking to the cohort
            </Button>
          ) : null}
        </div>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${base}/results`}>
          See the results
        </Link>{" "}
        (coordinators only until you release them)
      </p>
    </>
  );
}
