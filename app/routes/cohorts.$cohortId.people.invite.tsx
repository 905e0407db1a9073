import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Input, Radios, Select } from "~/components/govuk";
import { ROLE_LABELS } from "~/domain/next-steps";
import { fieldValue, parseForm } from "~/forms/parse";
import { InviteSchema, ROLES } from "~/forms/shared-schemas";
import { setReveal } from "~/models/account.server";
import { invitePerson } from "~/models/invitation.server";
import { listOrganisations } from "~/models/person.server";
import { absoluteUrl } from "~/utils/links.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Invite a person");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return {
    cohort,
    organisations: await listOrganisations(context.db),
    roles: ROLES.filter((role) => role !== "coordinator" || user.isAdmin),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const form = parseForm(await request.formData(), InviteSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (form.data.role === "coordinator" && !user.isAdmin) {
    return data(
      { errors: { role: "Only a system administrator can appoint coordinators" }, values: form.values },
      { status: 400 },
    );
  }
  const outcome = await invitePerson(context.db, cohort.id, form.data, user, clientAddress(context));
  const roleLabel = ROLE_LABELS[form.data.role].toLowerCase();
  if (outcome.kind === "already-member") {
    return data(
      { errors: { email: `${outcome.name} is already a ${roleLabel} in this cohort` }, values: form.values },
      { status: 400 },
    );
  }
  if (outcome.link) {
    await setReveal(
      context.db,
      user.sessionId,
      JSON.stringify({
        personId: outcome.personId,
        url: absoluteUrl(request, `/set-password/${outcome.link.token}`),
        expiresAt: outcome.link.expiresAt,
      }),
    );
    return redirectWithBanner(
      context,
      request,
      `/cohorts/${cohort.id}/people/${outcome.personId}/link`,
      `${outcome.name} added as a ${roleLabel}`,
    );
  }
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/people`,
    `${outcome.name} added as a ${roleLabel}. They already have a Tandem account and can sign in.`,
  );
}

export default function InvitePerson() {
  const { cohort, organisations, roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const values = actionData?.values;
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/people`}>Back to people</BackLink>
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          Invite a person
        </h1>
        <p className="govuk-body">
          Tandem will give you a link for them to set their password. Send it to them yourself: it works once
          and for 7 days.
        </p>
        <Form method="post" noValidate>
          <Input
            id="name"
            name="name"
            label="Full name"
            autoComplete="off"
            defaultValue={fieldValue(values, "name")}
            error={errors?.name}
          />
          <Input
            id="email"
            name="email"
            type="email"
            label="Email address"
            hint="Their work email. If they already use Tandem, they are added with the account they have."
            spellCheck={false}
            autoComplete="off"
            defaultValue={fieldValue(values, "email")}
            error={errors?.email}
          />
          <Radios
            name="role"
            legend="Role in this cohort"
            legendSize="s"
            items={roles.map((role) => ({ value: role, text: ROLE_LABELS[role] }))}
            defaultValue={fieldValue(values, "role") ?? params.get("role") ?? undefined}
            error={errors?.role}
          />
          <Select
            id="organisationId"
            name="organisationId"
            label="Organisation (optional)"
            items={[
              { value: "", text: "Not listed" },
              ...organisations.map((o) => ({ value: String(o.id), text: `${o.name} (${o.sector})` })),
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
            hint="For example, Data or Software development"
            defaultValue={fieldValue(values, "profession")}
            error={errors?.profession}
          />
          <Button>Invite</Button>
        </Form>
      </div>
    </div>
  );
}
