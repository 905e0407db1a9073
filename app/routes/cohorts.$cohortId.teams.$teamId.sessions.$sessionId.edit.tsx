import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, forbidden, idParam, notFound } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { SessionFields } from "~/components/SessionFields";
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import { dateBoxes, MAX_ACTION_ROWS, parseSessionForm, sessionErrorIds } from "~/forms/mentoring";
import type { FormValues } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { getSession, type TeamSession, teamLabel, updateSession } from "~/models/mentoring.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Change a mentoring session");
export const ErrorBoundary = RouteErrorBoundary;

/** The session's author and the coordinators may change it. */
async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireTeam(context, request, params);
  const session = await getSession(context.db, access.team.id, idParam(params.sessionId, "Session"));
  if (!session) notFound("Session");
  if (!access.coordinates && session.author_id !== access.user.personId) forbidden();
  return { ...access, session };
}

function sessionValues(session: TeamSession): FormValues {
  const values: FormValues = {
    ...dateBoxes("date", session.date),
    ...dateBoxes("followUp", session.follow_up_date),
    duration: String(session.duration_minutes),
    format: session.format,
    summary: session.summary,
    attendees: session.attendees.map((a) => String(a.id)),
    version: String(session.version),
  };
  session.actions.forEach((a, i) => {
    const key = `actions-${i + 1}`;
    Object.assign(values, {
      [`${key}-id`]: String(a.id),
      [`${key}-text`]: a.text,
      [`${key}-owner`]: String(a.owner_id),
      ...dateBoxes(`${key}-due`, a.due_date),
    });
  });
  return values;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, team, session } = await load(context, request, params);
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    sessionId: session.id,
    date: session.date,
    version: session.version,
    members: team.members.map((m) => ({ id: m.id, name: m.name })),
    mentors: team.mentors.map((m) => ({ id: m.id, name: m.name })),
    values: sessionValues(session),
    rows: Math.min(session.actions.length + 1, MAX_ACTION_ROWS),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team, session } = await load(context, request, params);
  const formData = await request.formData();
  const form = parseSessionForm(formData, {
    team,
    cohortStartDate: cohort.start_date,
    today: todayInLondon(),
  });
  if (formData.get("intent") === "add-action")
    return data({ errors: {}, values: form.values, rows: Math.min(form.rows + 1, MAX_ACTION_ROWS) });
  if (!form.ok) return data({ errors: form.errors, values: form.values, rows: form.rows }, { status: 400 });
  const input = form.data;
  // Only this session's own actions can be kept by id.
  const ownIds = new Set(session.actions.map((a) => a.id));
  const actions = input.actions.map((a) => ({ ...a, id: a.id !== null && ownIds.has(a.id) ? a.id : null }));
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await updateSession(tx, session.id, { ...input, actions }, input.version);
    if (ok) {
      await recordAudit(tx, {
        actorId: user.personId,
        action: "mentoring.session_changed",
        subjectType: "mentoring_session",
        subjectId: session.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: {
          team: team.number,
          before: {
            date: session.date,
            minutes: session.duration_minutes,
            format: session.format,
            attendees: session.attendees.length,
            actions: session.actions.length,
          },
          after: {
            date: input.date,
            minutes: input.durationMinutes,
            format: input.format,
            attendees: input.attendees.length,
            actions: actions.length,
          },
        },
      });
    }
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          summary:
            "Someone else changed this session while you were editing it. Your changes are kept below: check them against the session page and save again.",
        },
        values: { ...form.values, version: String(session.version) },
        rows: form.rows,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/teams/${team.id}/sessions/${session.id}`,
    "Session changes saved",
  );
}

export default function EditSession() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? loaded.values;
  const rows = actionData?.rows ?? loaded.rows;
  const back = `/cohorts/${loaded.cohortId}/teams/${loaded.teamId}/sessions/${loaded.sessionId}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back}>Back to the session</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={sessionErrorIds(rows)} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{loaded.teamName}</span>
          Change the session on {formatUkDate(loaded.date)}
        </h1>
        <Form method="post" noValidate key={loaded.version}>
          <input type="hidden" name="version" value={String(values.version ?? loaded.version)} />
          <SessionFields
            members={loaded.members}
            mentors={loaded.mentors}
            values={values}
            errors={actionData?.errors}
            rows={rows}
            showPrivateNote={false}
          />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
