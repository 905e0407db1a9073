import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { forbidden, idParam, notFound } from "~/auth/guards.server";
import { safeRedirectPath } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { addSessionNote, markAction } from "~/commands/mentoring.server";
import { ActionList, actionItemOf } from "~/components/ActionList";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, SummaryList, Textarea } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDate, formatUkDateTime, todayInLondon } from "~/domain/calendar";
import { formatDuration, orderActions, SESSION_FORMATS } from "~/domain/mentoring";
import { SessionPageSchema } from "~/forms/mentoring";
import { change, submitForm } from "~/forms/submit.server";
import { getSession, getTeamAction, listPrivateNotes, teamLabel } from "~/models/mentoring.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

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
        session.actions.map((a) => actionItemOf(a, session.id)),
        today,
      ),
    },
    // Both mentors of the team may correct a session, whichever of them logged it.
    mayEdit: coordinates || isMentor,
    mayTickAll: coordinates || isMentor,
    // Fetched only for the team's mentors and the coordinators: participants never receive them.
    notes: seesPrivateNotes ? await listPrivateNotes(context.db, session.id) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team, session, seesPrivateNotes, coordinates, isMentor } = await load(
    context,
    request,
    params,
  );
  const here = paths.cohort(cohort.id).teamOf(team.id).sessions.session(session.id);
  return submitForm(context, request, user, {
    schema: SessionPageSchema,
    // The note form carries a one-time key: sent twice, it adds the note once (ticking an action needs none).
    once: true,
    change: async (form) => {
      if (form.intent === "note") {
        if (!seesPrivateNotes) forbidden();
        return change(
          addSessionNote,
          { sessionId: session.id, cohortId: cohort.id, note: form.note },
          { to: here, banner: "Private note added" },
        );
      }
      const { actionId, done, returnTo } = form;
      const item = await getTeamAction(context.db, team.id, actionId);
      if (!item || item.session_id !== session.id) notFound("Action");
      // The owner ticks their own actions; the team's mentors and the coordinators may tick any.
      if (item.owner_id !== user.personId && !coordinates && !isMentor) forbidden();
      const back = safeRedirectPath(returnTo, here);
      return change(
        markAction,
        { action: item, done: done === "yes", cohortId: cohort.id },
        {
          to: back.startsWith(paths.cohort(cohort.id).teamOf(team.id).home()) ? back : here,
          banner:
            done === "yes"
              ? `Action marked as done: ${item.text}`
              : `Action marked as not done: ${item.text}`,
        },
      );
    },
  });
}

export default function SessionPage() {
  const { cohortId, teamId, teamName, personId, session, mayEdit, mayTickAll, notes } =
    useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof SessionPageSchema>>(notes?.length ?? 0, {
    lastResult: useActionData<typeof action>(),
  });
  const team = paths.cohort(cohortId).teamOf(teamId);
  const here = team.sessions.session(session.id);
  // Attendees are the team's members or its mentors.
  const members = session.attendees.filter((a) => a.role === "member").map((a) => a.name);
  const mentors = session.attendees.filter((a) => a.role !== "member").map((a) => a.name);
  return (
    <FormPage
      back={{ href: team.home(), text: <>Back to {teamName}</> }}
      form={form}
      caption={teamName}
      heading={<>Session on {formatUkDate(session.date)}</>}
    >
      <SummaryList
        rows={[
          {
            key: "How",
            value: `${SESSION_FORMATS[session.format]}, ${formatDuration(session.duration_minutes)}`,
          },
          { key: "Team members there", value: members.length ? members.join(", ") : "None" },
          { key: "Mentors there", value: mentors.length ? mentors.join(", ") : "None" },
          { key: "Logged by", value: `${session.author_name}, ${formatUkDateTime(session.created_at)}` },
          ...(session.editor_name
            ? [
                {
                  key: "Last changed by",
                  value: `${session.editor_name}, ${formatUkDateTime(session.updated_at)}`,
                },
              ]
            : []),
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
        sessionPath={team.sessions.session}
        returnTo={here}
      />
      {mayEdit ? (
        <p className="govuk-body">
          <a className="govuk-link" href={team.sessions.edit(session.id)}>
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
          <Form method="post" {...formProps(form)} key={form.id}>
            <input type="hidden" name="intent" value="note" />
            <OnceOnly />
            <Textarea
              field={fields.note}
              label="Add a private note"
              labelClassName="govuk-label--s"
              rows={3}
            />
            <Button variant="secondary">Add note</Button>
          </Form>
        </section>
      ) : null}
    </FormPage>
  );
}
