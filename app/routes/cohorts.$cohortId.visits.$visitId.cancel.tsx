import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireVisit } from "~/auth/visit-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Textarea } from "~/components/govuk";
import { formatUkDateWithDay } from "~/domain/calendar";
import { CancelVisitSchema } from "~/forms/cohort-setup";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { cancelVisit } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Cancel the visit to ${data?.visit.host_name ?? "a host"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, visit } = await requireVisit(context, request, params, "cohort:manage");
  return { cohort, visit };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, visit, user } = await requireVisit(context, request, params, "cohort:manage");
  const form = parseForm(await request.formData(), CancelVisitSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (visit.status === "cancelled")
    return data(
      { errors: { reason: "This visit is already cancelled" }, values: form.values },
      { status: 400 },
    );
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await cancelVisit(tx, visit, form.data.reason, form.data.version);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "visit.cancelled",
        subjectType: "visit",
        subjectId: visit.id,
        cohortId: cohort.id,
        address: clientAddress(context),
        details: { reason: form.data.reason, date: visit.date },
      });
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          reason:
            "Someone else changed this visit meanwhile. Check it and cancel again if you still need to.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/visits`,
    `Visit to ${visit.host_name} cancelled`,
  );
}

export default function CancelVisit() {
  const { cohort, visit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/visits/${visit.id}`}>Back to the visit</BackLink>
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Cancel the visit to {visit.host_name}
        </h1>
        <p className="govuk-body">
          {formatUkDateWithDay(visit.date)}. The visit stays in everyone's calendar, marked as cancelled.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={visit.version} />
          <Textarea
            id="reason"
            name="reason"
            label="Why is the visit cancelled?"
            rows={3}
            defaultValue={fieldValue(actionData?.values, "reason")}
            error={actionData?.errors.reason}
          />
          <Button variant="warning">Cancel the visit</Button>
        </Form>
      </div>
    </div>
  );
}
