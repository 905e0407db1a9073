import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAttendanceRecorder } from "~/auth/visit-access.server";
import { recordVisitAttendance } from "~/commands/visits.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, Radios } from "~/components/govuk";
import { labelItems } from "~/components/items";
import { attendanceOpens, formatUkDateWithDay, visitHasStarted } from "~/domain/calendar";
import { ATTENDANCE_STATUSES } from "~/domain/vocabulary";
import { submitForm } from "~/forms/submit.server";
import { AttendanceSchema } from "~/forms/visits";
import { listVisitAttendance } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Attendance at ${data?.visit.host_name ?? "the visit"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

const STATUS_ITEMS = labelItems(ATTENDANCE_STATUSES);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit } = await requireAttendanceRecorder(context, request, params);
  const everyone = await listVisitAttendance(context.db, cohort.id, visit.id);
  return {
    cohort,
    visit,
    // Attendance is recorded once the visit has started; until then the page says when.
    opens: visitHasStarted(visit) ? null : attendanceOpens(visit),
    participants: everyone.filter((p) => p.release_status !== "declined"),
    declined: everyone.filter((p) => p.release_status === "declined"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, visit, user } = await requireAttendanceRecorder(context, request, params);
  return submitForm(context, request, user, {
    schema: AttendanceSchema,
    command: recordVisitAttendance,
    input: (value) => ({ ...value, cohortId: cohort.id, visit }),
    done: (outcome) => ({
      to: paths.cohort(cohort.id).visit(visit.id).home(),
      banner: `Attendance recorded for ${outcome.recorded} participant${outcome.recorded === 1 ? "" : "s"}`,
    }),
  });
}

export default function Attendance() {
  const { cohort, visit, opens, participants, declined } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      attendance: participants.map((p) => ({ personId: p.id, status: p.status ?? undefined })),
    },
  });
  const rows = fields.attendance.getFieldList();
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).visit(visit.id).home(), text: "Back to the visit" }}
      form={form}
      caption={
        <>
          {visit.host_name}, {formatUkDateWithDay(visit.date)}
        </>
      }
      heading="Record attendance"
    >
      {opens ? (
        <p className="govuk-body">{opens}</p>
      ) : participants.length === 0 ? (
        <p className="govuk-body">The cohort has no participants on the register yet.</p>
      ) : (
        <Form method="post" {...formProps(form)}>
          {participants.map((p, i) => {
            const row = rows[i]?.getFieldset();
            return row ? (
              <div key={p.id}>
                <input type="hidden" name={row.personId.name} value={p.id} />
                <Radios
                  field={row.status}
                  legend={`${p.name}${p.organisation_name ? `, ${p.organisation_name}` : ""}`}
                  legendSize="s"
                  inline
                  small
                  items={STATUS_ITEMS}
                />
              </div>
            ) : null;
          })}
          <Button>Save attendance</Button>
        </Form>
      )}
      {declined.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Not on the register</h2>
          <p className="govuk-body">
            Their line manager declined their release, so their attendance is not recorded:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {declined.map((p) => (
              <li key={p.id}>{`${p.name}${p.organisation_name ? `, ${p.organisation_name}` : ""}`}</li>
            ))}
          </ul>
        </>
      ) : null}
    </FormPage>
  );
}
