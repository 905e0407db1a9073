import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, notFound, requireCohortAccess } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { moveMilestone } from "~/commands/milestones.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, DateInput, SummaryList } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatUkDateWithDay } from "~/domain/calendar";
import { MILESTONE_KINDS } from "~/domain/vocabulary";
import { milestoneSchema } from "~/forms/cohort-setup";
import { dateParts } from "~/forms/fields";
import { submitForm } from "~/forms/submit.server";
import { listMilestones } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => data?.milestone.title ?? "Milestone");
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:take-part");
  if (!params.kind || !Object.hasOwn(MILESTONE_KINDS, params.kind)) notFound("Milestone");
  const milestones = await listMilestones(context.db, access.cohort);
  const milestone = milestones.find((m) => m.kind === params.kind);
  if (!milestone) notFound("Milestone");
  return { ...access, milestone, manages: can(access, "cohort:manage") };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, milestone, manages } = await load(context, request, params);
  return { cohort, milestone, manages };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, milestone, manages, user } = await load(context, request, params);
  if (!manages) forbidden();
  return submitForm(context, request, user, {
    schema: milestoneSchema(cohort),
    command: moveMilestone,
    input: (value) => ({ ...value, cohort, milestone }),
    done: (_, value) => ({
      to: paths.cohort(cohort.id).schedule(),
      banner: `${milestone.title} moved to ${formatUkDateWithDay(value.date)}`,
    }),
  });
}

export default function MilestonePage() {
  const { cohort, milestone, manages } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(milestone.version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { date: dateParts(milestone.date) },
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).schedule(), text: "Back to the schedule" }}
      form={form}
      errorIds={{ date: "date-day" }}
      caption={cohort.name}
      heading={milestone.title}
    >
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
        <a className="govuk-link" href={paths.cohort(cohort.id).milestoneCalendar(milestone.kind)}>
          Add {milestone.title.toLowerCase()} to your calendar (.ics)
        </a>
      </p>
      {manages ? (
        <VersionedForm form={form} version={milestone.version}>
          <DateInput
            field={fields.date}
            legend="Move to another date"
            legendSize="m"
            hint={`By default, ${formatUkDateWithDay(milestone.defaultDate)}. For example, 27 1 2027`}
          />
          <Button>Move milestone</Button>
        </VersionedForm>
      ) : null}
    </FormPage>
  );
}
