import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { forbidden } from "~/auth/guards.server";
import { requireTeam } from "~/auth/team-access.server";
import { logSession } from "~/commands/mentoring.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { SessionFields, sessionPeople } from "~/components/SessionFields";
import { todayInLondon } from "~/domain/calendar";
import { dateParts } from "~/forms/fields";
import { DEFAULT_ACTION_ROWS, logSessionSchema, sessionErrorIds } from "~/forms/mentoring";
import { submitForm } from "~/forms/submit.server";
import { teamLabel } from "~/models/mentoring.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

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
    ...sessionPeople(team),
    today: todayInLondon(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team } = await load(context, request, params);
  return submitForm(context, request, user, {
    schema: logSessionSchema({ team, cohortStartDate: cohort.start_date, today: todayInLondon() }),
    // "Add another action" (Conform's insert intent, posted when JavaScript is off) shows the form again.
    rows: true,
    // The same form sent twice (a double click, a retried request) logs one session.
    once: true,
    command: logSession,
    input: (value) => ({ ...value, team: { id: team.id, number: team.number, cohortId: cohort.id } }),
    done: (outcome) => ({
      to: paths.cohort(cohort.id).teamOf(team.id).sessions.session(outcome.sessionId),
      banner: `Session logged with ${outcome.actions} action${outcome.actions === 1 ? "" : "s"}`,
    }),
  });
}

export default function LogSession() {
  const loaded = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<ReturnType<typeof logSessionSchema>>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      date: dateParts(loaded.today),
      attendees: [...loaded.members, ...loaded.mentors].map((p) => String(p.id)),
      actions: Array.from({ length: DEFAULT_ACTION_ROWS }, () => ({})),
    },
  });
  const rows = fields.actions.getFieldList().length;
  return (
    <FormPage
      back={{
        href: paths.cohort(loaded.cohortId).teamOf(loaded.teamId).home(),
        text: <>Back to {loaded.teamName}</>,
      }}
      form={form}
      errorIds={sessionErrorIds(rows)}
      caption={loaded.teamName}
      heading="Log a mentoring session"
    >
      <Form method="post" {...formProps(form)}>
        <OnceOnly />
        <SessionFields form={form} fields={fields} members={loaded.members} mentors={loaded.mentors} />
        <Button>Save session</Button>
      </Form>
    </FormPage>
  );
}
