import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { forbidden, idParam, notFound } from "~/auth/guards.server";
import { requireTeam } from "~/auth/team-access.server";
import { changeSession } from "~/commands/mentoring.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button } from "~/components/govuk";
import { SessionFields, sessionPeople } from "~/components/SessionFields";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatUkDate, todayInLondon } from "~/domain/calendar";
import { changeSessionSchema, sessionErrorIds, sessionFormValues } from "~/forms/mentoring";
import { submitForm } from "~/forms/submit.server";
import { getSession, teamLabel } from "~/models/mentoring.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Change a mentoring session");
export const ErrorBoundary = RouteErrorBoundary;

/** Both mentors of the team (whichever of them logged it) and the coordinators may change a session. */
async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireTeam(context, request, params);
  const session = await getSession(context.db, access.team.id, idParam(params.sessionId, "Session"));
  if (!session) notFound("Session");
  if (!access.coordinates && !access.isMentor) forbidden();
  return { ...access, session };
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
    ...sessionPeople(team),
    values: sessionFormValues(session),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team, session } = await load(context, request, params);
  return submitForm(context, request, user, {
    schema: changeSessionSchema({ team, cohortStartDate: cohort.start_date, today: todayInLondon() }),
    // "Add another action" (Conform's insert intent, posted when JavaScript is off) shows the form again.
    rows: true,
    command: changeSession,
    input: (value) => ({
      ...value,
      team: { id: team.id, number: team.number, cohortId: cohort.id },
      session,
    }),
    done: {
      to: paths.cohort(cohort.id).teamOf(team.id).sessions.session(session.id),
      banner: "Session changes saved",
    },
  });
}

export default function EditSession() {
  const loaded = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<ReturnType<typeof changeSessionSchema>>>(loaded.version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: loaded.values,
  });
  const rows = fields.actions.getFieldList().length;
  return (
    <FormPage
      back={{
        href: paths.cohort(loaded.cohortId).teamOf(loaded.teamId).sessions.session(loaded.sessionId),
        text: "Back to the session",
      }}
      form={form}
      errorIds={sessionErrorIds(rows)}
      caption={loaded.teamName}
      heading={<>Change the session on {formatUkDate(loaded.date)}</>}
    >
      <VersionedForm form={form} version={loaded.version}>
        <SessionFields form={form} fields={fields} members={loaded.members} mentors={loaded.mentors} />
        <Button>Save changes</Button>
      </VersionedForm>
    </FormPage>
  );
}
