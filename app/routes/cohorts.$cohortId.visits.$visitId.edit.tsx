import type { ActionFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadVisitToManage, requireVisit } from "~/auth/visit-access.server";
import { editVisit } from "~/commands/visits.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, DateInput, Input, Textarea, WarningText } from "~/components/govuk";
import { HostContactFields } from "~/components/HostContactFields";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { formatUkDate } from "~/domain/calendar";
import { dateParts } from "~/forms/fields";
import { submitForm } from "~/forms/submit.server";
import { visitSchema } from "~/forms/visits";
import { visitDateProblem } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Change the visit to ${data?.visit.host_name ?? "a host"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export const loader = loadVisitToManage;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, visit, user } = await requireVisit(context, request, params, "cohort:manage");
  return submitForm(context, request, user, {
    schema: visitSchema((date) => visitDateProblem(cohort, visit, date)),
    command: editVisit,
    input: (value) => ({ ...value, cohort, visit }),
    done: (outcome, value) => ({
      to: paths.cohort(cohort.id).visit(visit.id).home(),
      banner: outcome.moved
        ? `Visit to ${visit.host_name} moved to ${formatUkDate(value.date)}`
        : `Visit to ${visit.host_name} saved`,
    }),
  });
}

export default function EditVisit() {
  const { cohort, visit } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(visit.version, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      date: dateParts(visit.date),
      startTime: visit.start_time,
      endTime: visit.end_time,
      address: visit.address ?? "",
      agenda: visit.agenda ?? "",
      contactName: visit.contact_name ?? "",
      contactEmail: visit.contact_email ?? "",
    },
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).visit(visit.id).home(), text: "Back to the visit" }}
      form={form}
      errorIds={{ date: "date-day" }}
      caption={cohort.name}
      heading={<>Change the visit to {visit.host_name}</>}
    >
      {visit.recorded > 0 ? (
        <WarningText>Attendance has already been recorded for this visit.</WarningText>
      ) : null}
      <VersionedForm form={form} version={visit.version}>
        <DateInput
          field={fields.date}
          legend="Date"
          legendSize="s"
          hint="Moving the visit updates everyone's calendar. For example, 17 2 2027"
        />
        <Input field={fields.startTime} label="Start time" hint="For example, 10:00" width="5" />
        <Input field={fields.endTime} label="End time" hint="For example, 16:00" width="5" />
        <Textarea field={fields.address} label="Address (optional)" rows={3} />
        <Textarea field={fields.agenda} label="Agenda (optional)" rows={5} />
        <HostContactFields fields={fields} />
        <Button>Save changes</Button>
      </VersionedForm>
    </FormPage>
  );
}
