import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireVisit } from "~/auth/visit-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, DateInput, Input, Textarea, WarningText } from "~/components/govuk";
import { HostContactFields } from "~/components/HostContactFields";
import { formatUkDate } from "~/domain/calendar";
import { dateParts, parseVisitForm } from "~/forms/cohort-setup";
import { fieldValue } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { updateVisit, visitDateProblem } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Change the visit to ${data?.visit.host_name ?? "a host"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit } = await requireVisit(context, request, params, "cohort:manage");
  return { cohort, visit };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, visit, user } = await requireVisit(context, request, params, "cohort:manage");
  const form = parseVisitForm(await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const problem = visitDateProblem(cohort, visit, form.data.date);
  if (problem) return data({ errors: { date: problem }, values: form.values }, { status: 400 });
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await updateVisit(tx, visit, form.data, form.data.version);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: visit.date !== form.data.date ? "visit.moved" : "visit.updated",
        subjectType: "visit",
        subjectId: visit.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: {
          from: visit.date,
          to: form.data.date,
          startTime: form.data.startTime,
          endTime: form.data.endTime,
        },
      });
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          date: "Someone else changed this visit while you were editing it. Your changes are kept below: check them and save again to replace theirs.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/visits/${visit.id}`,
    visit.date !== form.data.date
      ? `Visit to ${visit.host_name} moved to ${formatUkDate(form.data.date)}`
      : `Visit to ${visit.host_name} saved`,
  );
}

export default function EditVisit() {
  const { cohort, visit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values ?? {
    ...dateParts("date", visit.date),
    startTime: visit.start_time,
    endTime: visit.end_time,
    address: visit.address ?? "",
    agenda: visit.agenda ?? "",
    contactName: visit.contact_name ?? "",
    contactEmail: visit.contact_email ?? "",
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/visits/${visit.id}`}>Back to the visit</BackLink>
        <FormErrorSummary errors={errors} ids={{ date: "date-day" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Change the visit to {visit.host_name}
        </h1>
        {visit.recorded > 0 ? (
          <WarningText>Attendance has already been recorded for this visit.</WarningText>
        ) : null}
        <Form method="post" noValidate key={visit.version}>
          <input type="hidden" name="version" value={visit.version} />
          <DateInput
            id="date"
            namePrefix="date"
            legend="Date"
            legendSize="s"
            hint="Moving the visit updates everyone's calendar. For example, 17 2 2027"
            values={{
              day: fieldValue(values, "date-day"),
              month: fieldValue(values, "date-month"),
              year: fieldValue(values, "date-year"),
            }}
            error={errors?.date}
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
          <Textarea
            id="address"
            name="address"
            label="Address (optional)"
            rows={3}
            defaultValue={fieldValue(values, "address")}
            error={errors?.address}
          />
          <Textarea
            id="agenda"
            name="agenda"
            label="Agenda (optional)"
            rows={5}
            defaultValue={fieldValue(values, "agenda")}
            error={errors?.agenda}
          />
          <HostContactFields
            fields={{
              contactName: {
                name: "contactName",
                initialValue: fieldValue(values, "contactName"),
                errors: errors?.contactName ? [errors.contactName] : undefined,
              },
              contactEmail: {
                name: "contactEmail",
                initialValue: fieldValue(values, "contactEmail"),
                errors: errors?.contactEmail ? [errors.contactEmail] : undefined,
              },
            }}
          />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
