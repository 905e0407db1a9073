import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { changeQuietTeamDays } from "~/commands/health.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { StatementStatusTag } from "~/components/StatementStatusTag";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import { attendanceRate, teamHealthFlags } from "~/domain/mentoring";
import { plural } from "~/domain/next-steps";
import { deadlineState, statementDeadline } from "~/domain/problem-statement";
import { QuietDaysSchema } from "~/forms/health";
import { submitForm } from "~/forms/submit.server";
import {
  getHealthSettings,
  participantAttendance,
  teamHealthRows,
  teamLabel,
} from "~/models/mentoring.server";
import { listMilestones } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Team health: ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "health:view");
  const db = context.db;
  const today = todayInLondon();
  const [rows, people, settings, milestones] = await Promise.all([
    teamHealthRows(db, cohort.id, today),
    participantAttendance(db, cohort.id),
    getHealthSettings(db, cohort.id),
    listMilestones(db, cohort),
  ]);
  const deadline = statementDeadline(cohort.start_date, cohort.weeks, milestones);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    today,
    deadline,
    quietDays: settings.quiet_team_days,
    teams: rows.map((row) => {
      const state = deadlineState(row.first_submitted_at, deadline, today);
      return {
        id: row.id,
        label: teamLabel(row),
        lastSession: row.last_session_date,
        sessions: row.sessions,
        mentors: row.mentors.map((m) => ({ name: m.name, attended: m.attended, sessions: m.sessions })),
        formerMentors: row.former_mentors.map((m) => ({
          id: m.id,
          name: m.name,
          until: m.until_date,
          attended: m.attended,
          sessions: m.sessions,
        })),
        openActions: row.open_actions,
        overdueActions: row.overdue_actions,
        statementStatus: row.statement_status,
        deadlineState:
          row.statement_status === "approved" && state === "overdue" ? ("on-time" as const) : state,
        flags: teamHealthFlags({
          lastSessionDate: row.last_session_date,
          cohortStartDate: cohort.start_date,
          today,
          quietDays: settings.quiet_team_days,
          statement: state === "late" || state === "overdue" ? state : null,
        }),
      };
    }),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      team: p.team_number,
      attended: p.attended,
      sessions: p.sessions,
      rate: attendanceRate(p.attended, p.sessions),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "health:view");
  return submitForm(context, request, user, {
    schema: QuietDaysSchema,
    command: changeQuietTeamDays,
    input: (value) => ({ ...value, cohortId: cohort.id }),
    done: (_, value) => ({
      to: paths.cohort(cohort.id).health(),
      banner: `Teams are now flagged after ${plural(value.quietDays, "day")} without a session`,
    }),
  });
}

export default function Health() {
  const d = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(d.quietDays, {
    id: `quiet-days-${d.quietDays}`,
    lastResult: useActionData<typeof action>(),
    defaultValue: { quietDays: String(d.quietDays) },
  });
  const cohortPaths = paths.cohort(d.cohort.id);
  const flagged = d.teams.filter((t) => t.flags.length).length;
  return (
    <>
      <BackLink href={cohortPaths.home()}>Back to {d.cohort.name}</BackLink>
      <FormErrorSummary form={form} />
      <PageHeading caption={d.cohort.name}>Team health</PageHeading>
      <p className="govuk-body">
        {flagged === 0
          ? "No team needs attention."
          : `${flagged} team${flagged === 1 ? " needs" : "s need"} attention.`}{" "}
        A team is flagged when it has had no mentoring session for more than {d.quietDays} days, or its
        problem statement was late (due {formatUkDate(d.deadline)}).{" "}
        <Link className="govuk-link" to={cohortPaths.statements()}>
          All problem statements
        </Link>
      </p>
      <div className="tandem-table-scroll">
        <Table
          caption="Teams"
          captionSize="m"
          firstCellIsHeader
          head={[
            { text: "Team" },
            { text: "Last session" },
            { text: "Sessions", format: "numeric" },
            { text: "Mentor attendance" },
            { text: "Open actions", format: "numeric" },
            { text: "Overdue actions", format: "numeric" },
            { text: "Problem statement" },
            { text: "Needs attention" },
          ]}
          rows={d.teams.map((t) => [
            {
              text: (
                <Link className="govuk-link" to={cohortPaths.teamOf(t.id).home()}>
                  {t.label}
                </Link>
              ),
            },
            { text: t.lastSession ? formatUkDate(t.lastSession) : "None yet" },
            { text: String(t.sessions), format: "numeric" },
            {
              text:
                t.mentors.length + t.formerMentors.length ? (
                  <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                    {t.mentors.map((m) => (
                      <li key={m.name}>
                        {m.name}: {m.attended} of {m.sessions}
                      </li>
                    ))}
                    {t.formerMentors.map((m) => (
                      <li key={`former-${m.id}`}>
                        {m.name} (until {formatUkDate(m.until)}): {m.attended} of {m.sessions}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "No mentors"
                ),
            },
            { text: String(t.openActions), format: "numeric" },
            {
              text: t.overdueActions ? <span className="tandem-flag">{t.overdueActions}</span> : "0",
              format: "numeric",
            },
            {
              text: (
                <Link className="govuk-link" to={cohortPaths.teamOf(t.id).statement()}>
                  <StatementStatusTag status={t.statementStatus} deadlineState={t.deadlineState} />
                  <span className="govuk-visually-hidden"> for {t.label}</span>
                </Link>
              ),
            },
            {
              text: t.flags.length ? (
                <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                  {t.flags.map((f) => (
                    <li key={f.kind} className="tandem-flag">
                      {f.text}
                    </li>
                  ))}
                </ul>
              ) : (
                "No"
              ),
            },
          ])}
        />
      </div>
      <h2 className="govuk-heading-m">Participants' attendance at sessions</h2>
      <p className="govuk-body">
        Only coordinators can see this. Each person's sessions are those of the team they were in on the day
        of the session, so moving someone to another team keeps their record.
      </p>
      {d.people.length === 0 ? (
        <p className="govuk-body">Nobody is in a team yet.</p>
      ) : (
        <Table
          caption="Session attendance by participant"
          captionSize="s"
          firstCellIsHeader
          head={[
            { text: "Participant" },
            { text: "Team", format: "numeric" },
            { text: "Sessions attended", format: "numeric" },
            { text: "Attendance rate", format: "numeric" },
          ]}
          rows={d.people.map((p) => [
            { text: p.name },
            { text: String(p.team), format: "numeric" },
            { text: `${p.attended} of ${p.sessions}`, format: "numeric" },
            { text: p.rate, format: "numeric" },
          ])}
        />
      )}
      <h2 className="govuk-heading-m">When to flag a quiet team</h2>
      <Form method="post" {...formProps(form)} key={form.id}>
        <input type="hidden" name="expected" value={d.quietDays} />
        <Input
          field={fields.quietDays}
          label="Flag a team after this many days without a session"
          labelClassName="govuk-label--s"
          inputMode="numeric"
          width="3"
          suffix="days"
        />
        <Button variant="secondary">Save</Button>
      </Form>
    </>
  );
}
