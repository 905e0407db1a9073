import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { revealSignInLink } from "~/auth/sign-in-link-reveal.server";
import { invitePerson } from "~/commands/invitations.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, Input, Radios, Select } from "~/components/govuk";
import { recordItems } from "~/components/items";
import { OnceOnly } from "~/components/OnceOnly";
import { describeDifferences } from "~/domain/profile";
import { COHORT_ROLES } from "~/domain/vocabulary";
import { InviteSchema, rolesAppointableBy } from "~/forms/people";
import { submitForm } from "~/forms/submit.server";
import { listOrganisations } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Invite a person");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return {
    cohort,
    organisations: await listOrganisations(context.db),
    roles: rolesAppointableBy(user),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return submitForm(context, request, user, {
    schema: InviteSchema,
    // The same form sent twice (a double click, a retried request) invites the person once.
    once: true,
    command: invitePerson,
    input: (value) => ({ ...value, cohortId: cohort.id, appointer: user }),
    async done(outcome) {
      // Someone already in Tandem whose details the coordinator may not change: which were not applied, and why.
      const details = outcome.notApplied
        ? ` ${outcome.notApplied.reason} (${describeDifferences(outcome.notApplied.differences)}).`
        : "";
      const added = `${outcome.name} added as a ${outcome.roleLabel}.${details}`;
      if (!outcome.link)
        return {
          to: paths.cohort(cohort.id).people(),
          banner: `${added} They already have a Tandem account and can sign in.`,
        };
      // A repeat of the form (no token: it is not kept) leaves the link the first one revealed.
      if (outcome.link.token)
        await revealSignInLink(context, request, user.sessionId, outcome.personId, {
          token: outcome.link.token,
          expiresAt: outcome.link.expiresAt,
        });
      return { to: paths.cohort(cohort.id).personLink(outcome.personId), banner: added };
    },
  });
}

export default function InvitePerson() {
  const { cohort, organisations, roles } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof InviteSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: { role: params.get("role") ?? undefined },
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).people(), text: "Back to people" }}
      form={form}
      caption={cohort.name}
      heading="Invite a person"
    >
      <p className="govuk-body">
        Tandem emails them a link to set their password, and shows it to you as well in case the email does
        not reach them. The link works once and for 7 days.
      </p>
      <Form method="post" {...formProps(form)}>
        <OnceOnly />
        <Input field={fields.name} label="Full name" autoComplete="off" />
        <Input
          field={fields.email}
          type="email"
          label="Email address"
          hint="Their work email. If they already use Tandem, they are added with the account and details they have."
          spellCheck={false}
          autoComplete="off"
        />
        <Radios
          field={fields.role}
          legend="Role in this cohort"
          legendSize="s"
          items={roles.map((role) => ({ value: role, text: COHORT_ROLES[role] }))}
        />
        <Select
          field={fields.organisationId}
          label="Organisation (optional)"
          items={recordItems("Not listed", organisations, (o) => `${o.name} (${o.sector})`)}
        />
        <Input field={fields.jobTitle} label="Job title (optional)" />
        <Input
          field={fields.profession}
          label="Profession (optional)"
          hint="For example, Data or Software development"
        />
        <Button>Invite</Button>
      </Form>
    </FormPage>
  );
}
