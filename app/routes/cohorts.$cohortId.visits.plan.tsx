import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Input, Radios, Table, WarningText } from "~/components/govuk";
import { formatTime, formatUkDateWithDay } from "~/domain/calendar";
import { VisitSettingsSchema } from "~/forms/cohort-setup";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { createPlannedVisits, proposeRota } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { nowIso } from "~/utils/time";

export const meta = pageMeta("Plan company visits");
export const ErrorBoundary = RouteErrorBoundary;

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort, ...(await proposeRota(context.db, cohort)) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const formData = await request.formData();
  const db = context.db;
  if (formData.get("intent") === "settings") {
    const form = parseForm(formData, VisitSettingsSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const saved = await db.transaction().execute(async (tx) => {
      const result = await tx
        .updateTable("cohorts")
        .set({
          visit_weekday: form.data.weekday,
          visit_start_time: form.data.startTime,
          visit_end_time: form.data.endTime,
          version: form.data.version + 1,
          updated_at: nowIso(),
        })
        .where("id", "=", cohort.id)
        .where("version", "=", form.data.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await recordAudit(tx, {
        actorId: user.personId,
        action: "cohort.visit_settings_updated",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { weekday: form.data.weekday, startTime: form.data.startTime, endTime: form.data.endTime },
      });
      return true;
    });
    if (!saved)
      return data(
        {
          errors: {
            weekday:
              "Someone else changed this cohort while you were editing. Check the day and times and save again.",
          },
          values: form.values,
        },
        { status: 409 },
      );
    return redirectWithBanner(
      context,
      request,
      `/cohorts/${cohort.id}/visits/plan`,
      "Visit day and times saved",
    );
  }
  const { rota } = await proposeRota(db, cohort);
  if (!rota) return data({ errors: { rota: "Every host already has a visit" }, values: {} }, { status: 400 });
  if (!rota.ok) return data({ errors: { rota: rota.problems[0] ?? "" }, values: {} }, { status: 400 });
  await db.transaction().execute(async (tx) => {
    await createPlannedVisits(
      tx,
      cohort,
      rota.visits.map((v) => ({ organisationId: Number(v.key), date: v.date })),
    );
    await recordAudit(tx, {
      actorId: user.personId,
      action: "visits.planned",
      subjectType: "cohort",
      subjectId: cohort.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: {
        visits: rota.visits.map((v) => ({ host: v.host, date: v.date })),
        doubledWeeks: rota.doubledWeeks,
      },
    });
  });
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/visits`,
    `${rota.visits.length} visits planned. Check them, move or cancel any, then confirm them.`,
  );
}

export default function PlanVisits() {
  const { cohort, rota, hostsWithoutVisit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values ?? {
    weekday: String(cohort.visit_weekday),
    startTime: cohort.visit_start_time,
    endTime: cohort.visit_end_time,
  };
  const base = `/cohorts/${cohort.id}`;
  return (
    <>
      <BackLink href={`${base}/visits`}>Back to company visits</BackLink>
      <FormErrorSummary errors={errors} ids={{ rota: "proposal", weekday: "weekday" }} />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Plan company visits
      </h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m" id="proposal">
            Proposed visits
          </h2>
          {rota === null ? (
            <p className="govuk-body">
              {hostsWithoutVisit === 0 ? "Every organisation that hosts a visit already has one. " : ""}
              Mark organisations as hosts on the{" "}
              <a className="govuk-link" href={`${base}/organisations`}>
                organisations page
              </a>
              .
            </p>
          ) : !rota.ok ? (
            <WarningText>These visits cannot be planned yet. {rota.problems.join(" ")}</WarningText>
          ) : (
            <>
              <p className="govuk-body">
                One visit for each of {rota.visits.length} hosts, in weeks {rota.visitWeeks[0]} to{" "}
                {rota.visitWeeks.at(-1)} (between kick-off and final pitches), avoiding bank holidays in each
                host's region and the dates hosts cannot do. Nothing is saved until you choose “Save these
                visits”.
              </p>
              {rota.doubledWeeks.length > 0 ? (
                <WarningText>
                  There are more hosts than free weeks: week{rota.doubledWeeks.length > 1 ? "s" : ""}{" "}
                  {rota.doubledWeeks.join(", ")} {rota.doubledWeeks.length > 1 ? "have" : "has"} two visits.
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
              <Form method="post">
                <Button name="intent" value="save">
                  Save these visits
                </Button>
              </Form>
            </>
          )}
          <h2 className="govuk-heading-m">Visit day and times</h2>
          <p className="govuk-body">
            Visits are on {DAYS[cohort.visit_weekday - 1]}s, {formatTime(cohort.visit_start_time)} to{" "}
            {formatTime(cohort.visit_end_time)}, London time.
          </p>
          <Form method="post" noValidate key={cohort.version}>
            <input type="hidden" name="version" value={cohort.version} />
            <Radios
              name="weekday"
              legend="Day of the week"
              legendSize="s"
              items={DAYS.map((text, i) => ({ value: String(i + 1), text }))}
              defaultValue={fieldValue(values, "weekday")}
              error={errors?.weekday}
            />
            <Input
              id="startTime"
              name="startTime"
              label="Start time"
              hint="For example, 10:00"
              width="5"
              defaultValue={fieldValue(values, "startTime")}
              error={errors?.startTime}
            />
            <Input
              id="endTime"
              name="endTime"
              label="End time"
              hint="For example, 16:00"
              width="5"
              defaultValue={fieldValue(values, "endTime")}
              error={errors?.endTime}
            />
            <Button name="intent" value="settings" variant="secondary">
              Save day and times
            </Button>
          </Form>
        </div>
      </div>
    </>
  );
}
