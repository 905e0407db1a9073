import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, forbidden } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button } from "~/components/govuk";
import { SessionFields } from "~/components/SessionFields";
import { todayInLondon } from "~/domain/calendar";
import {
  DEFAULT_ACTION_ROWS,
  dateBoxes,
  MAX_ACTION_ROWS,
  parseSessionForm,
  sessionErrorIds,
} from "~/forms/mentoring";
import { recordAudit } from "~/models/audit.server";
import { createSession, teamLabel } from "~/models/mentoring.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Log a session with ${data?.teamName ?? "the team"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

/** Only the team's own mentors log its sessions. */
async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireTeam(context, request, params);
  if (!access.isMentor) forbidden();
  return access;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, team } = await load(context, request, params);
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    members: team.members.map((m) => ({ id: m.id, name: m.name })),
    mentors: team.mentors.map((m) => ({ id: m.id, name: m.name })),
    values: {
      ...dateBoxes("date", todayInLondon()),
      attendees: [...team.members, ...team.mentors].map((p) => String(p.id)),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team } = await load(context, request, params);
  const formData = await request.formData();
  const form = parseSessionForm(formData, {
    team,
    cohortStartDate: cohort.start_date,
    today: todayInLondon(),
  });
  // "Add another action" posts what was typed and shows it again with one more empty row.
  if (formData.get("intent") === "add-action")
    return data({ errors: {}, values: form.values, rows: Math.min(form.rows + 1, MAX_ACTION_ROWS) });
  if (!form.ok) return data({ errors: form.errors, values: form.values, rows: form.rows }, { status: 400 });
  const session = form.data;
  const sessionId = await context.db.transaction().execute(async (tx) => {
    const id = await createSession(tx, team.id, user.personId, session, session.privateNote);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "mentoring.session_logged",
      subjectType: "mentoring_session",
      subjectId: id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: {
        team: team.number,
        date: session.date,
        minutes: session.durationMinutes,
        attendees: session.attendees.length,
        actions: session.actions.length,
      },
    });
    return id;
  });
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/teams/${team.id}/sessions/${sessionId}`,
    `Session logged with ${session.actions.length} action${session.actions.length === 1 ? "" : "s"}`,
  );
}

export default function LogSession() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? loaded.values;
  const rows = actionData?.rows ?? DEFAULT_ACTION_ROWS;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${loaded.cohortId}/teams/${loaded.teamId}`}>
          Back to {loaded.teamName}
        </BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={sessionErrorIds(rows)} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{loaded.teamName}</span>
          Log a mentoring session
        </h1>
        <Form method="post" noValidate>
          <SessionFields
            members={loaded.members}
            mentors={loaded.mentors}
            values={values}
            errors={actionData?.errors}
            rows={rows}
            showPrivateNote
          />
          <Button>Save session</Button>
        </Form>
      </div>
    </div>
  );
}
