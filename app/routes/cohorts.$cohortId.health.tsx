import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Input, Table } from "~/components/govuk";
import { StatementStatusTag } from "~/components/StatementStatusTag";
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import { attendanceRate, teamHealthFlags } from "~/domain/mentoring";
import { deadlineState, statementDeadline } from "~/domain/problem-statement";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  getHealthSettings,
  participantAttendance,
  setQuietTeamDays,
  teamHealthRows,
  teamLabel,
} from "~/models/mentoring.server";
import { listMilestones } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";

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
        mentors: row.mentors.map((m) => ({ name: m.name, attended: m.attended })),
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

const ThresholdSchema = z.object({
  quietDays: z
    .string()
    .trim()
    .min(1, "Enter the number of days")
    .regex(/^\d+$/, "Number of days must be a whole number, like 14")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 365, "Number of days must be between 1 and 365"),
  expected: z.string().regex(/^\d+$/).transform(Number),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "health:view");
  const form = parseForm(await request.formData(), ThresholdSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await setQuietTeamDays(tx, cohort.id, form.data.quietDays, form.data.expected);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "cohort.quiet_team_days_changed",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { from: form.data.expected, to: form.data.quietDays },
      });
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          quietDays:
            "Someone else changed the number of days while you were editing: check it and save again",
        },
        values: form.values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/health`,
    `Teams are now flagged after ${form.data.quietDays} days without a session`,
  );
}

export default function Health() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/cohorts/${d.cohort.id}`;
  const flagged = d.teams.filter((t) => t.flags.length).length;
  return (
    <>
      <BackLink href={base}>Back to {d.cohort.name}</BackLink>
      <FormErrorSummary errors={actionData?.errors} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.cohort.name}</span>
        Team health
      </h1>
      <p className="govuk-body">
        {flagged === 0
          ? "No team needs attention."
          : `${flagged} team${flagged === 1 ? " needs" : "s need"} attention.`}{" "}
        A team is flagged when it has had no mentoring session for more than {d.quietDays} days, or its
        problem statement was late (due {formatUkDate(d.deadline)}).{" "}
        <Link className="govuk-link" to={`${base}/statements`}>
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
                <Link className="govuk-link" to={`${base}/teams/${t.id}`}>
                  {t.label}
                </Link>
              ),
            },
            { text: t.lastSession ? formatUkDate(t.lastSession) : "None yet" },
            { text: String(t.sessions), format: "numeric" },
            {
              text: t.mentors.length ? (
                <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                  {t.mentors.map((m) => (
                    <li key={m.name}>
                      {m.name}: {m.attended} of {t.sessions}
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
                <Link className="govuk-link" to={`${base}/teams/${t.id}/statement`}>
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
      <p className="govuk-body">Only coordinators can see this.</p>
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
      <Form method="post" noValidate key={d.quietDays}>
        <input type="hidden" name="expected" value={d.quietDays} />
        <Input
          id="quietDays"
          name="quietDays"
          label="Flag a team after this many days without a session"
          labelClassName="govuk-label--s"
          inputMode="numeric"
          width="3"
          suffix="days"
          defaultValue={fieldValue(actionData?.values, "quietDays") ?? String(d.quietDays)}
          error={actionData?.errors?.quietDays}
        />
        <Button variant="secondary">Save</Button>
      </Form>
    </>
  );
}
