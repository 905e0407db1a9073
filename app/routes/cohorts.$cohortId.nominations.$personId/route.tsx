import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { mayEditProfile } from "~/auth/profile-access.server";
import { editNomination, reinstateNomination, withdrawNomination } from "~/commands/nominations.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, SummaryList, WarningText } from "~/components/govuk";
import { useVersionedForm } from "~/components/use-versioned-form";
import { formatUkDateTime } from "~/domain/calendar";
import { COHORT_ROLES } from "~/domain/vocabulary";
import { NominationActionSchema, type WithdrawFields } from "~/forms/cohort-setup";
import { change, submitForm } from "~/forms/submit.server";
import { listCohortOrganisations } from "~/models/cohort-organisation.server";
import { getNomination } from "~/models/nomination.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { NominationForm } from "./NominationForm";
import { WithdrawForm } from "./WithdrawForm";

export const meta = pageMeta<typeof loader>(({ data }) => data?.nomination.name ?? "Nomination");
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, params: Record<string, string | undefined>) {
  const access = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const nomination = await getNomination(context.db, access.cohort.id, idParam(params.personId, "Person"));
  if (!nomination) notFound("Person");
  return { ...access, nomination };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, nomination, user } = await load(context, request, params);
  const [organisations, profile] = await Promise.all([
    listCohortOrganisations(context.db, cohort.id),
    mayEditProfile(context.db, user, nomination.id),
  ]);
  // Someone also in cohorts this coordinator does not run keeps their details: the page says why.
  return { cohort, nomination, organisations, locked: profile.ok ? null : profile.reason };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user, nomination } = await load(context, request, params);
  const to = paths.cohort(cohort.id).nominations();
  return submitForm(context, request, user, {
    schema: NominationActionSchema,
    change: (input) => {
      const which = {
        cohortId: cohort.id,
        membershipId: nomination.membershipId,
        personId: nomination.id,
        version: input.version,
      };
      if (input.intent === "save")
        return change(editNomination, { ...which, ...input }, { to, banner: `${input.name} saved` });
      if (input.intent === "withdraw")
        return change(
          withdrawNomination,
          { ...which, reason: input.reason },
          { to, banner: `${nomination.name} withdrawn from the cohort` },
        );
      return change(reinstateNomination, which, { to, banner: `${nomination.name} is back in the cohort` });
    },
  });
}

export default function NominationPage() {
  const { cohort, nomination, organisations, locked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The page has two forms; the answer belongs to the one whose button was pressed.
  const saving = result?.initialValue?.intent === "save";
  const [detailsForm, detailsFields] = useVersionedForm(nomination.version, {
    lastResult: saving ? result : undefined,
    defaultValue: {
      name: nomination.name,
      jobTitle: nomination.job_title ?? undefined,
      profession: nomination.profession ?? undefined,
      organisationId: nomination.organisation_id ? String(nomination.organisation_id) : undefined,
      releaseStatus: nomination.release_status ?? "none",
      lineManagerEmail: nomination.line_manager_email ?? undefined,
    },
  });
  const [withdrawForm, withdrawFields] = useVersionedForm<z.input<typeof WithdrawFields>>(
    nomination.version,
    {
      lastResult: saving ? undefined : result,
    },
  );
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).nominations(), text: "Back to nominations" }}
      form={saving ? detailsForm : withdrawForm}
      caption={
        <>
          {COHORT_ROLES[nomination.role]} in {cohort.name}
        </>
      }
      heading={nomination.name}
    >
      <SummaryList rows={[{ key: "Email address", value: nomination.email }]} />
      {nomination.withdrawn_at ? (
        <>
          <WarningText>
            Withdrawn on {formatUkDateTime(nomination.withdrawn_at)}: {nomination.withdrawal_reason}
          </WarningText>
          <Form method="post" {...formProps(withdrawForm)}>
            <input type="hidden" name="version" value={nomination.version} />
            <Button name="intent" value="reinstate" variant="secondary">
              Bring {nomination.name} back into the cohort
            </Button>
          </Form>
        </>
      ) : (
        <>
          <NominationForm
            form={detailsForm}
            fields={detailsFields}
            nomination={nomination}
            organisations={organisations}
            locked={locked}
          />
          <WithdrawForm form={withdrawForm} fields={withdrawFields} nomination={nomination} />
        </>
      )}
    </FormPage>
  );
}
