import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, forbidden, notFound, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, DateInput, SummaryList } from "~/components/govuk";
import { formatUkDateWithDay, MILESTONE_KINDS, type MilestoneKind, weekOfDate } from "~/domain/calendar";
import { dateField, dateParts } from "~/forms/cohort-setup";
import { fieldValue } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { listMilestones, moveMilestone } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => data?.milestone.title ?? "Milestone");
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:take-part");
  if (!MILESTONE_KINDS.includes(params.kind as MilestoneKind)) notFound("Milestone");
  const milestones = await listMilestones(context.db, access.cohort);
  const milestone = milestones.find((m) => m.kind === params.kind)!;
  return { ...access, milestone, manages: access.roles.includes("coordinator") || access.user.isAdmin };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, milestone, manages } = await load(context, request, params);
  return { cohort, milestone, manages };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, milestone, manages, user } = await load(context, request, params);
  if (!manages) forbidden();
  const formData = await request.formData();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const field = dateField(formData, "date", "date");
  const error =
    field.error ??
    (weekOfDate(cohort.start_date, cohort.weeks, field.date!) === null
      ? "The date must be during the cohort"
      : null);
  if (error) return data({ errors: { date: error }, values }, { status: 400 });
  const version = Number(formData.get("version") ?? 0);
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await moveMilestone(tx, cohort, milestone.kind, field.date!, version);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "milestone.moved",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { kind: milestone.kind, from: milestone.date, to: field.date },
      });
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          date: "Someone else moved this milestone while you were editing. Check the date and save again.",
        },
        values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/schedule`,
    `${milestone.title} moved to ${formatUkDateWithDay(field.date!)}`,
  );
}

export default function MilestonePage() {
  const { cohort, milestone, manages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? dateParts("date", milestone.date);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/schedule`}>Back to the schedule</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={{ date: "date-day" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          {milestone.title}
        </h1>
        <SummaryList
          rows={[
            { key: "Date", value: formatUkDateWithDay(milestone.date) },
            {
              key: "Week",
              value: milestone.week ? `Week ${milestone.week} of ${cohort.weeks}` : "Outside the cohort",
            },
          ]}
        />
        <p className="govuk-body">
          <a className="govuk-link" href={`/cohorts/${cohort.id}/milestones/${milestone.kind}/calendar.ics`}>
            Add {milestone.title.toLowerCase()} to your calendar (.ics)
          </a>
        </p>
        {manages ? (
          <Form method="post" noValidate key={milestone.version}>
            <input type="hidden" name="version" value={milestone.version} />
            <DateInput
              id="date"
              namePrefix="date"
              legend="Move to another date"
              legendSize="m"
              hint={`By default, ${formatUkDateWithDay(milestone.defaultDate)}. For example, 27 1 2027`}
              values={{
                day: fieldValue(values, "date-day"),
                month: fieldValue(values, "date-month"),
                year: fieldValue(values, "date-year"),
              }}
              error={actionData?.errors.date}
            />
            <Button>Move milestone</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
