// The pitch day as the whole cohort sees it: where and when, the running order with times, and the ranking once
// the coordinator publishes it. Prints cleanly.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText, SummaryList, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDateWithDay } from "~/domain/calendar";
import { pitchTimetable } from "~/domain/pitch-day";
import { round2 } from "~/domain/pitch-scoring";
import { getPitchEvent, listSlots, pitchDayPanel, resultsOf, timetableSettings } from "~/models/pitch.server";
import { findMembership } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Pitch day timetable");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:take-part");
  const { user, cohort } = access;
  // Coordinators come here from the pitch day page; everyone else from their home page or an email.
  const back = can(access, "pitch-day:manage")
    ? { href: paths.cohort(cohort.id).pitchDay.home(), text: "Back to the pitch day" }
    : { href: paths.home(), text: "Back to your home page" };
  const db = context.db;
  const event = await getPitchEvent(db, cohort.id);
  if (!event) return { cohort, back, event: null, slots: [], ranking: null };
  const [slots, panel, mine] = await Promise.all([
    listSlots(db, event.id),
    pitchDayPanel(db, cohort.id, event.id),
    findMembership(db, cohort.id, user.personId),
  ]);
  const labels = new Map(panel.teams.map((t) => [t.id, t.label]));
  const entries = pitchTimetable(
    timetableSettings(event),
    slots.map((s) => s.team_id),
  );
  let ranking: Array<{ rank: number | null; team: string; adjusted: string }> | null = null;
  if (event.ranking_published_at) {
    const { results } = await resultsOf(db, cohort.id, event.id);
    ranking = results.results.map((r) => ({
      rank: r.rank,
      team: labels.get(Number(r.team)) ?? r.team,
      adjusted: r.adjusted === null ? "–" : round2(r.adjusted).toFixed(2),
    }));
  }
  return {
    cohort,
    back,
    event: {
      date: formatUkDateWithDay(event.date),
      startTime: event.start_time,
      venue: event.venue,
      onlineLink: event.online_link,
    },
    slots: entries.map((e) =>
      e.kind === "pitch"
        ? {
            key: `slot-${e.position}`,
            slot: String(e.position),
            time: `${e.start} to ${e.end}`,
            what: `${labels.get(e.teamId) ?? ""}${mine?.team_id === e.teamId ? " (your team)" : ""}`,
            detail: `Pitch ${e.start}, questions ${e.questionsStart}`,
          }
        : { key: `break-${e.start}`, slot: "", time: `${e.start} to ${e.end}`, what: "Break", detail: "" },
    ),
    ranking,
  };
}

export default function Timetable() {
  const { cohort, back, event, slots, ranking } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={back.href}>{back.text}</BackLink>
      <PageHeading caption={cohort.name}>Pitch day timetable</PageHeading>
      {!event ? (
        <InsetText>The pitch day has not been arranged yet.</InsetText>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: "Date", value: event.date },
              { key: "Starts", value: `${event.startTime} (London time)` },
              ...(event.venue ? [{ key: "Venue", value: event.venue }] : []),
              ...(event.onlineLink
                ? [
                    {
                      key: "Online",
                      value: (
                        <a className="govuk-link" href={event.onlineLink}>
                          {event.onlineLink}
                        </a>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {slots.length ? (
            <Table
              caption="Running order"
              captionSize="m"
              head={[
                { text: "Slot", format: "numeric" },
                { text: "Time" },
                { text: "Team" },
                { text: "Details" },
              ]}
              rows={slots.map((s) => [
                { text: s.slot, format: "numeric" },
                { text: s.time },
                { text: s.what },
                { text: s.detail },
              ])}
            />
          ) : (
            <InsetText>The running order has not been set yet.</InsetText>
          )}
          <p className="govuk-body tandem-no-print">
            To print the timetable, use your browser's print command.
          </p>
          {ranking ? (
            <Table
              caption="Results"
              captionSize="m"
              head={[
                { text: "Rank", format: "numeric" },
                { text: "Team" },
                { text: "Score", format: "numeric" },
              ]}
              rows={ranking.map((r) => [
                { text: r.rank === null ? "–" : String(r.rank), format: "numeric" },
                { text: r.team },
                { text: r.adjusted, format: "numeric" },
              ])}
            />
          ) : null}
        </>
      )}
    </>
  );
}
