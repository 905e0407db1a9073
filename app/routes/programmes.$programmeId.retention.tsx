import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { loadProgrammeForAdmin, requireProgrammeAdmin } from "~/auth/programme-access.server";
import { changeRetentionPeriod } from "~/commands/programmes.server";
import { RETENTION_JOB, type RetentionOutcome } from "~/commands/retention.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, SummaryList } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import { RetentionSchema } from "~/forms/programme";
import { submitForm } from "~/forms/submit.server";
import { latestJobRuns } from "~/models/job-runs.server";
import { retentionEveryMs } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Retention period: ${data?.programme.name ?? "programme"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader(args: LoaderFunctionArgs) {
  const { programme } = await loadProgrammeForAdmin(args);
  const { last, lastScheduled } = await latestJobRuns(args.context.db, RETENTION_JOB);
  const everyMs = retentionEveryMs();
  const now = Date.now();
  // The server runs it when it starts and then every RETENTION_EVERY_MS (each London day's run once).
  const next =
    everyMs === 0
      ? null
      : lastScheduled
        ? Math.max(Date.parse(lastScheduled.started_at) + everyMs, now)
        : now;
  return {
    programme,
    lastRun: last
      ? {
          startedAt: last.started_at,
          finished: last.finished_at !== null,
          byOperator: last.scheduled_day === null,
          outcome: last.outcome ? (JSON.parse(last.outcome) as RetentionOutcome) : null,
        }
      : null,
    nextRun: next === null ? null : new Date(next).toISOString(),
    nextRunIsNow: next === now,
  };
}

function people(n: number) {
  return `${n} ${n === 1 ? "person" : "people"}`;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return submitForm(context, request, user, {
    schema: RetentionSchema,
    command: changeRetentionPeriod,
    input: (value) => ({ ...value, programme }),
    done: (_, value) => ({
      to: paths.programme(programme.id).home(),
      banner: `People's data is now kept for ${value.months} months after each cohort of ${programme.name} ends`,
    }),
  });
}

export default function Retention() {
  const { programme, lastRun, nextRun, nextRunIsNow } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(programme.updated_at, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { months: String(programme.retention_months) },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.programme(programme.id).home()}>Back to {programme.name}</BackLink>
        <FormErrorSummary form={form} />
        <Form method="post" {...formProps(form)} key={form.id}>
          <input type="hidden" name="updatedAt" value={programme.updated_at} />
          <Input
            field={fields.months}
            labelIsPageHeading
            label={`How long is people's data kept after a cohort of ${programme.name} ends?`}
            labelClassName="govuk-label--l"
            hint="In months. Every day, Tandem anonymises the people whose every cohort ended longer ago than this."
            inputMode="numeric"
            width="3"
            suffix="months"
          />
          <Button>Save retention period</Button>
        </Form>
        <h2 className="govuk-heading-m">Anonymising people</h2>
        <p className="govuk-body">
          Tandem checks every day, for all programmes, who is due to be anonymised and anonymises them.
        </p>
        <SummaryList
          rows={[
            {
              key: "Last run",
              value: !lastRun
                ? "Not run yet"
                : `${formatUkDateTime(lastRun.startedAt)}${lastRun.byOperator ? ", started by an operator" : ""}`,
            },
            {
              key: "What it did",
              value: !lastRun
                ? "Nothing yet"
                : !lastRun.finished || !lastRun.outcome
                  ? "It stopped before it finished. The next run will finish the work."
                  : lastRun.outcome.due === 0
                    ? "Nobody was due to be anonymised"
                    : `Anonymised ${people(lastRun.outcome.anonymised)}`,
            },
            {
              key: "Next run",
              value: !nextRun
                ? "Not scheduled on this server: an operator runs it"
                : nextRunIsNow
                  ? "In the next few minutes"
                  : formatUkDateTime(nextRun),
            },
          ]}
        />
      </div>
    </div>
  );
}
