import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireProgrammeAdmin } from "~/auth/programme-access.server";
import { editProgramme } from "~/commands/programmes.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Checkboxes } from "~/components/govuk";
import { ProgrammeFields } from "~/components/ProgrammeFields";
import { useVersionedForm } from "~/components/use-versioned-form";
import { EditProgrammeSchema } from "~/forms/programme";
import { submitForm } from "~/forms/submit.server";
import { listOrganisations } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Edit ${data?.programme.name ?? "programme"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return { programme, organisations: await listOrganisations(context.db) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return submitForm(context, request, user, {
    schema: EditProgrammeSchema,
    command: editProgramme,
    input: (value) => ({ ...value, programmeId: programme.id }),
    done: (_, value) => ({
      to: paths.programme(programme.id).home(),
      banner: `Programme ${value.name} saved`,
    }),
  });
}

export default function EditProgramme() {
  const { programme, organisations } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm(programme.updated_at, {
    lastResult: useActionData<typeof action>(),
    defaultValue: {
      name: programme.name,
      description: programme.description ?? "",
      sponsorOrganisationId: programme.sponsor_organisation_id
        ? String(programme.sponsor_organisation_id)
        : "",
      requireSecondFactor: programme.require_second_factor === 1 ? "yes" : undefined,
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.programme(programme.id).home()}>Back to {programme.name}</BackLink>
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Edit programme</h1>
        <Form method="post" {...formProps(form)} key={form.id}>
          <input type="hidden" name="updatedAt" value={programme.updated_at} />
          <ProgrammeFields fields={fields} organisations={organisations} />
          <Checkboxes
            field={fields.requireSecondFactor}
            legend="Two-step verification"
            legendSize="s"
            hint="Coordinators and administrators always use it. Others set it up the next time they sign in."
            items={[
              {
                value: "yes",
                text: "Everyone in this programme must use two-step verification",
              },
            ]}
          />
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
