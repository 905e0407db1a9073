import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import {
  BackLink,
  Button,
  Input,
  Radios,
  Select,
  SummaryList,
  Textarea,
  WarningText,
} from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { ROLE_LABELS } from "~/domain/next-steps";
import { NominationSchema, WithdrawSchema } from "~/forms/cohort-setup";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { listCohortOrganisations } from "~/models/cohort-organisation.server";
import { getNomination, setWithdrawn, updateNomination } from "~/models/nomination.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => data?.nomination.name ?? "Nomination");
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const nomination = await getNomination(context.db, access.cohort.id, idParam(params.personId, "Person"));
  if (!nomination) notFound("Person");
  return { ...access, nomination };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, nomination } = await load(context, request, params);
  return { cohort, nomination, organisations: await listCohortOrganisations(context.db, cohort.id) };
}

const CONFLICT =
  "Someone else saved changes to this person while you were editing. Your changes are kept below: check them and save again to replace theirs.";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user, nomination } = await load(context, request, params);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "save");
  const db = context.db;
  const audit = (action: string, details: Record<string, unknown>) => ({
    actorId: user.personId,
    action,
    subjectType: "person",
    subjectId: nomination.id,
    cohortId: cohort.id,
    address: clientAddress(context),
    details,
  });
  if (intent === "withdraw" || intent === "reinstate") {
    const form =
      intent === "withdraw"
        ? parseForm(formData, WithdrawSchema)
        : ({
            ok: true,
            data: { reason: null, version: Number(formData.get("version") ?? 0) },
            values: {},
          } as const);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const saved = await db.transaction().execute(async (tx) => {
      const ok = await setWithdrawn(tx, nomination.membershipId, form.data.reason, form.data.version);
      if (ok)
        await recordAudit(
          tx,
          audit(`nomination.${intent === "withdraw" ? "withdrawn" : "reinstated"}`, {
            reason: form.data.reason,
          }),
        );
      return ok;
    });
    if (!saved) return data({ errors: { reason: CONFLICT }, values: form.values }, { status: 409 });
    return redirectWithBanner(
      context,
      request,
      `/cohorts/${cohort.id}/nominations`,
      intent === "withdraw"
        ? `${nomination.name} withdrawn from the cohort`
        : `${nomination.name} is back in the cohort`,
    );
  }
  const form = parseForm(formData, NominationSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const organisations = await listCohortOrganisations(db, cohort.id);
  if (
    form.data.organisationId !== null &&
    !organisations.some((o) => o.organisation_id === form.data.organisationId)
  )
    return data(
      { errors: { organisationId: "Select one of the cohort's organisations" }, values: form.values },
      { status: 400 },
    );
  const saved = await db.transaction().execute(async (tx) => {
    const ok = await updateNomination(tx, nomination, form.data, form.data.version);
    if (ok)
      await recordAudit(
        tx,
        audit("nomination.updated", {
          releaseStatus: form.data.releaseStatus,
          lineManagerEmail: form.data.lineManagerEmail,
        }),
      );
    return ok;
  });
  if (!saved) return data({ errors: { name: CONFLICT }, values: form.values }, { status: 409 });
  return redirectWithBanner(context, request, `/cohorts/${cohort.id}/nominations`, `${form.data.name} saved`);
}

export default function NominationPage() {
  const { cohort, nomination, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {
    name: nomination.name,
    jobTitle: nomination.job_title ?? "",
    profession: nomination.profession ?? "",
    organisationId: nomination.organisation_id ? String(nomination.organisation_id) : "",
    releaseStatus: nomination.release_status ?? "none",
    lineManagerEmail: nomination.line_manager_email ?? "",
  };
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/nominations`}>Back to nominations</BackLink>
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">
            {ROLE_LABELS[nomination.role]} in {cohort.name}
          </span>
          {nomination.name}
        </h1>
        <SummaryList rows={[{ key: "Email address", value: nomination.email }]} />
        {nomination.withdrawn_at ? (
          <>
            <WarningText>
              Withdrawn on {formatUkDateTime(nomination.withdrawn_at)}: {nomination.withdrawal_reason}
            </WarningText>
            <Form method="post">
              <input type="hidden" name="version" value={nomination.version} />
              <Button name="intent" value="reinstate" variant="secondary">
                Bring {nomination.name} back into the cohort
              </Button>
            </Form>
          </>
        ) : (
          <>
            <Form method="post" noValidate key={nomination.version}>
              <input type="hidden" name="version" value={nomination.version} />
              <Input
                id="name"
                name="name"
                label="Full name"
                defaultValue={fieldValue(values, "name")}
                error={errors?.name}
              />
              <Select
                id="organisationId"
                name="organisationId"
                label="Organisation"
                items={[
                  { value: "", text: "None" },
                  ...organisations.map((o) => ({ value: String(o.organisation_id), text: o.name })),
                ]}
                defaultValue={fieldValue(values, "organisationId")}
                error={errors?.organisationId}
              />
              <Input
                id="jobTitle"
                name="jobTitle"
                label="Job title (optional)"
                defaultValue={fieldValue(values, "jobTitle")}
                error={errors?.jobTitle}
              />
              <Input
                id="profession"
                name="profession"
                label="Profession (optional)"
                defaultValue={fieldValue(values, "profession")}
                error={errors?.profession}
              />
              <Input
                id="lineManagerEmail"
                name="lineManagerEmail"
                type="email"
                label="Line manager's email address (optional)"
                spellCheck={false}
                defaultValue={fieldValue(values, "lineManagerEmail")}
                error={errors?.lineManagerEmail}
              />
              {nomination.role === "participant" ? (
                <Radios
                  name="releaseStatus"
                  legend="Has their line manager released them for the programme?"
                  legendSize="s"
                  items={[
                    { value: "none", text: "Not asked yet" },
                    { value: "requested", text: "Asked, waiting for an answer" },
                    { value: "approved", text: "Yes, released" },
                    { value: "declined", text: "No, declined" },
                  ]}
                  defaultValue={fieldValue(values, "releaseStatus")}
                  error={errors?.releaseStatus}
                />
              ) : (
                <input type="hidden" name="releaseStatus" value="none" />
              )}
              <Button name="intent" value="save">
                Save changes
              </Button>
            </Form>
            <h2 className="govuk-heading-m">Withdraw from the cohort</h2>
            <p className="govuk-body">
              Their attendance and history stay; they can no longer see the cohort.
            </p>
            <Form method="post" noValidate>
              <input type="hidden" name="version" value={nomination.version} />
              <Textarea
                id="reason"
                name="reason"
                label="Why are they withdrawing?"
                rows={2}
                error={errors?.reason}
                defaultValue={fieldValue(values, "reason")}
              />
              <Button name="intent" value="withdraw" variant="warning">
                Withdraw {nomination.name}
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
