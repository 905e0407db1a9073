import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { changeVisitSettings, planVisits } from "~/commands/visits.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, Radios, Table, WarningText } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { PageHeading } from "~/components/PageHeading";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatTime, formatUkDateWithDay } from "~/domain/calendar";
import { plural } from "~/domain/next-steps";
import type { RotaResult } from "~/domain/visit-rota";
import { WEEKDAYS, weekdayLabel } from "~/domain/weekdays";
import { change, submitForm } from "~/forms/submit.server";
import { PlanVisitsSchema } from "~/forms/visits";
import { proposeRota } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Plan company visits");
export const ErrorBoundary = RouteErrorBoundary;

const DAYS = WEEKDAYS.map((_, i) => ({ value: String(i + 1), text: weekdayLabel(i + 1) }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort, ...(await proposeRota(context.db, cohort)) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const visits = paths.cohort(cohort.id);
  return submitForm(context, request, user, {
    schema: PlanVisitsSchema,
    // The plan form carries a one-time key: sent twice, it saves the visits once and answers as the first did.
    once: true,
    change: (form) =>
      form.intent === "settings"
        ? change(
            changeVisitSettings,
            { ...form, cohortId: cohort.id },
            { to: visits.visitsPlan(), banner: "Visit day and times saved" },
          )
        : change(planVisits, { cohort }, ({ planned }) => ({
            to: visits.visits(),
            banner: `${plural(planned, "visit")} planned. Check them, move or cancel any, then confirm them.`,
          })),
  });
}

export default function PlanVisits() {
  const { cohort, rota, hostsWithoutVisit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = result?.initialValue?.intent;
  const [planForm] = useForm({ id: "plan", lastResult: intent === "settings" ? undefined : result });
  const [settingsForm, fields] = useVersionedForm(cohort.version, {
    id: "settings",
    lastResult: intent === "settings" ? result : undefined,
    defaultValue: {
      weekday: String(cohort.visit_weekday),
      startTime: cohort.visit_start_time,
      endTime: cohort.visit_end_time,
    },
  });
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).visits()}>Back to company visits</BackLink>
      <FormErrorSummary
        form={intent === "settings" ? settingsForm : planForm}
        ids={{ rota: "proposal", weekday: "weekday" }}
      />
      <PageHeading caption={cohort.name}>Plan company visits</PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m" id="proposal">
            Proposed visits
          </h2>
          <Proposal cohortId={cohort.id} rota={rota} hostsWithoutVisit={hostsWithoutVisit}>
            <Form method="post" {...formProps(planForm)}>
              <OnceOnly />
              <Button name="intent" value="save">
                Save these visits
              </Button>
            </Form>
          </Proposal>
          <h2 className="govuk-heading-m">Visit day and times</h2>
          <p className="govuk-body">
            Visits are on {weekdayLabel(cohort.visit_weekday)}s, {formatTime(cohort.visit_start_time)} to{" "}
            {formatTime(cohort.visit_end_time)}, London time.
          </p>
          <VersionedForm form={settingsForm} version={cohort.version}>
            <Radios field={fields.weekday} legend="Day of the week" legendSize="s" items={DAYS} />
            <Input field={fields.startTime} label="Start time" hint="For example, 10:00" width="5" />
            <Input field={fields.endTime} label="End time" hint="For example, 16:00" width="5" />
            <Button name="intent" value="settings" variant="secondary">
              Save day and times
            </Button>
          </VersionedForm>
        </div>
      </div>
    </>
  );
}

/** The rota the planner proposes, with the button that saves it (`children`), or why there is none. */
function Proposal({
  cohortId,
  rota,
  hostsWithoutVisit,
  children,
}: {
  cohortId: number;
  rota: RotaResult | null;
  hostsWithoutVisit: number;
  children: React.ReactNode;
}) {
  if (rota === null)
    return (
      <p className="govuk-body">
        {hostsWithoutVisit === 0 ? "Every organisation that hosts a visit already has one. " : ""}
        Mark organisations as hosts on the{" "}
        <a className="govuk-link" href={paths.cohort(cohortId).organisations()}>
          organisations page
        </a>
        .
      </p>
    );
  if (!rota.ok)
    return <WarningText>These visits cannot be planned yet. {rota.problems.join(" ")}</WarningText>;
  const doubled = rota.doubledWeeks;
  return (
    <>
      <p className="govuk-body">
        One visit for each of {rota.visits.length} hosts, in weeks {rota.visitWeeks[0]} to{" "}
        {rota.visitWeeks.at(-1)} (between kick-off and final pitches), avoiding bank holidays in each host's
        region and the dates hosts cannot do. Nothing is saved until you choose “Save these visits”.
      </p>
      {doubled.length > 0 ? (
        <WarningText>
          There are more hosts than free weeks: week{doubled.length > 1 ? "s" : ""} {doubled.join(", ")}{" "}
          {doubled.length > 1 ? "have" : "has"} two visits.
        </WarningText>
      ) : null}
      <Table
        head={[{ text: "Week" }, { text: "Date" }, { text: "Host" }]}
        rows={rota.visits.map((v) => [
          { text: String(v.week) },
          { text: formatUkDateWithDay(v.date) },
          { text: v.host },
        ])}
      />
      {children}
    </>
  );
}
