import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, forbidden } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireVisit } from "~/auth/visit-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Radios } from "~/components/govuk";
import { formatUkDateWithDay } from "~/domain/calendar";
import { recordAudit } from "~/models/audit.server";
import { listVisitAttendance, recordAttendance } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import type { AttendanceStatus } from "../../db/types";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Attendance at ${data?.visit.host_name ?? "the visit"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

const STATUSES: AttendanceStatus[] = ["attended", "apologies", "absent"];
const LABELS: Record<AttendanceStatus, string> = {
  attended: "Attended",
  apologies: "Sent apologies",
  absent: "Absent",
};

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireVisit(context, request, params);
  // The coordinator, or the host's contact when they use Tandem.
  if (!access.mayRecordAttendance) forbidden();
  if (access.visit.status === "cancelled") forbidden();
  return access;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit, manages } = await load(context, request, params);
  return { cohort, visit, manages, participants: await listVisitAttendance(context.db, cohort.id, visit.id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, visit, user } = await load(context, request, params);
  const db = context.db;
  const participants = await listVisitAttendance(db, cohort.id, visit.id);
  const formData = await request.formData();
  const errors: Record<string, string> = {};
  const entries: Array<{ personId: number; status: AttendanceStatus }> = [];
  for (const p of participants) {
    const value = String(formData.get(`status-${p.id}`) ?? "");
    if ((STATUSES as string[]).includes(value))
      entries.push({ personId: p.id, status: value as AttendanceStatus });
    else if (value) errors[`status-${p.id}`] = `Select whether ${p.name} attended`;
  }
  if (entries.length === 0 && Object.keys(errors).length === 0)
    errors[participants[0] ? `status-${participants[0].id}` : "form"] =
      "Record at least one participant's attendance";
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  await db.transaction().execute(async (tx) => {
    await recordAttendance(tx, visit.id, entries, user.personId);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "visit.attendance_recorded",
      subjectType: "visit",
      subjectId: visit.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: Object.fromEntries(STATUSES.map((s) => [s, entries.filter((e) => e.status === s).length])),
    });
  });
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/visits/${visit.id}`,
    `Attendance recorded for ${entries.length} participant${entries.length === 1 ? "" : "s"}`,
  );
}

export default function Attendance() {
  const { cohort, visit, participants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/visits/${visit.id}`}>Back to the visit</BackLink>
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">
            {visit.host_name}, {formatUkDateWithDay(visit.date)}
          </span>
          Record attendance
        </h1>
        {participants.length === 0 ? (
          <p className="govuk-body">The cohort has no participants yet.</p>
        ) : (
          <Form method="post" noValidate>
            {participants.map((p) => (
              <Radios
                key={p.id}
                name={`status-${p.id}`}
                legend={`${p.name}${p.organisation_name ? `, ${p.organisation_name}` : ""}`}
                legendSize="s"
                inline
                small
                items={STATUSES.map((s) => ({ value: s, text: LABELS[s] }))}
                defaultValue={values?.[`status-${p.id}`] ?? p.status ?? undefined}
                error={errors?.[`status-${p.id}`]}
              />
            ))}
            <Button>Save attendance</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
