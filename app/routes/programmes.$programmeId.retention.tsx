import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, idParam, notFound, requireAdmin } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Input } from "~/components/govuk";
import { parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { getProgrammeRetention, setRetentionMonths } from "~/models/report.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Retention period: ${data?.programme.name ?? "programme"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, programmeIdParam: string | undefined) {
  const user = await requireAdmin(context, request);
  const programme = await getProgrammeRetention(context.db, idParam(programmeIdParam, "Programme"));
  if (!programme) notFound("Programme");
  return { user, programme };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { programme } = await load(context, request, params.programmeId);
  return { programme };
}

const RetentionSchema = z.object({
  months: z
    .string()
    .trim()
    .min(1, "Enter the retention period in months")
    .regex(/^-?\d+$/, "The retention period must be a whole number of months, like 24")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(
          1,
          "The retention period must be at least 1 month: people's data cannot be kept for zero or fewer months after a cohort ends",
        )
        .max(120, "The retention period must be 120 months (10 years) or fewer"),
    ),
  updatedAt: z.string(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, programme } = await load(context, request, params.programmeId);
  const form = parseForm(await request.formData(), RetentionSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const saved = await context.db.transaction().execute(async (tx) => {
    const ok = await setRetentionMonths(tx, programme.id, form.data.months, form.data.updatedAt);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "programme.retention_changed",
        subjectType: "programme",
        subjectId: programme.id,
        address: clientAddress(context),
        details: { from: programme.retention_months, to: form.data.months },
      });
    return ok;
  });
  if (!saved)
    return data(
      {
        errors: {
          months:
            "Someone else changed this programme while you were editing. Check the period and save again.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/programmes/${programme.id}`,
    `People's data is now kept for ${form.data.months} months after each cohort of ${programme.name} ends`,
  );
}

export default function Retention() {
  const { programme } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const months = actionData?.values.months;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/programmes/${programme.id}`}>Back to {programme.name}</BackLink>
        <FormErrorSummary errors={actionData?.errors} />
        <Form method="post" noValidate key={programme.updated_at}>
          <input type="hidden" name="updatedAt" value={programme.updated_at} />
          <Input
            id="months"
            name="months"
            labelIsPageHeading
            label={`How long is people's data kept after a cohort of ${programme.name} ends?`}
            labelClassName="govuk-label--l"
            hint="In months. Afterwards, `npm run tandem -- retention` (run daily) anonymises people whose every cohort ended longer ago than this."
            inputMode="numeric"
            width="3"
            suffix="months"
            defaultValue={typeof months === "string" ? months : String(programme.retention_months)}
            error={actionData?.errors.months}
          />
          <Button>Save retention period</Button>
        </Form>
      </div>
    </div>
  );
}
