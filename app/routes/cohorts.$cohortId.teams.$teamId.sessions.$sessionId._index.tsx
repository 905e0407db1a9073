import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, forbidden, idParam, notFound } from "~/auth/guards.server";
import { redirectWithBanner, safeRedirectPath } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { ActionList } from "~/components/ActionList";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, SummaryList, Textarea } from "~/components/govuk";
import { formatUkDate, formatUkDateTime, todayInLondon } from "~/domain/calendar";
import { formatDuration, orderActions, SESSION_FORMATS } from "~/domain/mentoring";
import { NOTE_LIMIT } from "~/forms/mentoring";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  addPrivateNote,
  getSession,
  getTeamAction,
  listPrivateNotes,
  setActionDone,
  teamLabel,
} from "~/models/mentoring.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) =>
  data ? `Session on ${formatUkDate(data.session.date)}` : "Mentoring session",
);
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireTeam(context, request, params);
  const session = await getSession(context.db, access.team.id, idParam(params.sessionId, "Session"));
  if (!session) notFound("Session");
  return { ...access, session };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort, team, session, seesPrivateNotes, coordinates, isMentor } = await load(
    context,
    request,
    params,
  );
  const today = todayInLondon();
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    personId: user.personId,
    session: {
      ...session,
      actions: orderActions(
        session.actions.map((a) => ({
          id: a.id,
          text: a.text,
          ownerId: a.owner_id,
          ownerName: a.owner_name,
          dueDate: a.due_date,
          doneAt: a.done_at,
          sessionId: session.id,
        })),
        today,
      ),
    },
    mayEdit: coordinates || session.author_id === user.personId,
    mayTickAll: coordinates || isMentor,
    // Fetched only for the team's mentors and the coordinators: participants never receive them.
    notes: seesPrivateNotes ? await listPrivateNotes(context.db, session.id) : null,
  };
}

const TickSchema = z.object({
  intent: z.literal("tick"),
  actionId: z.string().regex(/^\d+$/).transform(Number),
  done: z.enum(["yes", "no"]),
  returnTo: z.string().optional(),
});

const NoteSchema = z.object({
  intent: z.literal("note"),
  note: z
    .string()
    .trim()
    .min(1, "Enter the note")
    .max(NOTE_LIMIT, `Note must be ${NOTE_LIMIT.toLocaleString("en-GB")} characters or fewer`),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team, session, seesPrivateNotes, coordinates, isMentor } = await load(
    context,
    request,
    params,
  );
  const formData = await request.formData();
  const db = context.db;
  const here = `/cohorts/${cohort.id}/teams/${team.id}/sessions/${session.id}`;
  if (formData.get("intent") === "note") {
    if (!seesPrivateNotes) forbidden();
    const form = parseForm(formData, NoteSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    await db.transaction().execute(async (tx) => {
      await addPrivateNote(tx, session.id, user.personId, form.data.note);
      await recordAudit(tx, {
        actorId: user.personId,
        action: "mentoring.private_note_added",
        subjectType: "mentoring_session",
        subjectId: session.id,
        cohortId: cohort.id,
        address: clientAddress(context),
      });
    });
    return redirectWithBanner(context, request, here, "Private note added");
  }
  const form = parseForm(formData, TickSchema);
  if (!form.ok)
    return data({ errors: { form: "Choose an action to mark" }, values: form.values }, { status: 400 });
  const item = await getTeamAction(db, team.id, form.data.actionId);
  if (!item || item.session_id !== session.id) notFound("Action");
  // The owner ticks their own actions; the team's mentors and the coordinators may tick any.
  if (item.owner_id !== user.personId && !coordinates && !isMentor) forbidden();
  const done = form.data.done === "yes";
  await db.transaction().execute(async (tx) => {
    await setActionDone(tx, item.id, done, user.personId);
    await recordAudit(tx, {
      actorId: user.personId,
      action: done ? "mentoring.action_done" : "mentoring.action_reopened",
      subjectType: "session_action",
      subjectId: item.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { session: session.id, text: item.text },
    });
  });
  const teamPath = `/cohorts/${cohort.id}/teams/${team.id}`;
  const back = safeRedirectPath(form.data.returnTo, here);
  return redirectWithBanner(
    context,
    request,
    back.startsWith(teamPath) ? back : here,
    done ? `Action marked as done: ${item.text}` : `Action marked as not done: ${item.text}`,
  );
}

export default function SessionPage() {
  const { cohortId, teamId, teamName, personId, session, mayEdit, mayTickAll, notes } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/cohorts/${cohortId}/teams/${teamId}/sessions/${session.id}`;
  const members = session.attendees.filter((a) => a.role === "member").map((a) => a.name);
  const mentors = session.attendees.filter((a) => a.role === "mentor").map((a) => a.name);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohortId}/teams/${teamId}`}>Back to {teamName}</BackLink>
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{teamName}</span>
          Session on {formatUkDate(session.date)}
        </h1>
        <SummaryList
          rows={[
            {
              key: "How",
              value: `${SESSION_FORMATS[session.format]}, ${formatDuration(session.duration_minutes)}`,
            },
            { key: "Team members there", value: members.length ? members.join(", ") : "None" },
            { key: "Mentors there", value: mentors.length ? mentors.join(", ") : "None" },
            { key: "Logged by", value: `${session.author_name}, ${formatUkDateTime(session.created_at)}` },
            {
              key: "Next session",
              value: session.follow_up_date ? formatUkDate(session.follow_up_date) : "Not agreed",
            },
          ]}
        />
        <h2 className="govuk-heading-m">Summary</h2>
        <p className="govuk-body tandem-pre-line">{session.summary}</p>
        <h2 className="govuk-heading-m">Agreed actions</h2>
        <ActionList
          actions={session.actions}
          personId={personId}
          mayTickAll={mayTickAll}
          sessionsPath={`/cohorts/${cohortId}/teams/${teamId}/sessions`}
          returnTo={here}
        />
        {mayEdit ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`${here}/edit`}>
              Change this session
            </a>
          </p>
        ) : null}
        {notes ? (
          <section aria-labelledby="private-notes">
            <h2 className="govuk-heading-m" id="private-notes">
              Private notes
            </h2>
            <p className="govuk-body">Only the team's mentors and the coordinators can read these.</p>
            {notes.length ? (
              notes.map((note) => (
                <div key={note.id} className="govuk-inset-text">
                  <p className="govuk-body tandem-pre-line">{note.text}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    {note.author_name}, {formatUkDateTime(note.created_at)}
                  </p>
                </div>
              ))
            ) : (
              <p className="govuk-body">No private notes yet.</p>
            )}
            <Form method="post" noValidate key={notes.length}>
              <input type="hidden" name="intent" value="note" />
              <Textarea
                id="note"
                name="note"
                label="Add a private note"
                labelClassName="govuk-label--s"
                rows={3}
                defaultValue={fieldValue(actionData?.values, "note")}
                error={actionData?.errors && "note" in actionData.errors ? actionData.errors.note : undefined}
              />
              <Button variant="secondary">Add note</Button>
            </Form>
          </section>
        ) : null}
      </div>
    </div>
  );
}
