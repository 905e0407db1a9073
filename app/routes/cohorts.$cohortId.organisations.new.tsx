import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { addCohortOrganisation } from "~/commands/organisations.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { OrganisationFields } from "~/components/OrganisationFields";
import { OrganisationSchema } from "~/forms/cohort-setup";
import { submitForm } from "~/forms/submit.server";
import { listOrganisationsOutsideCohort } from "~/models/cohort-organisation.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Add an organisation");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return { cohort, known: await listOrganisationsOutsideCohort(context.db, cohort.id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  return submitForm(context, request, user, {
    schema: OrganisationSchema,
    // The same form sent twice (a double click, a retried request) adds the organisation once.
    once: true,
    command: addCohortOrganisation,
    input: (value) => ({ ...value, cohortId: cohort.id }),
    done: (_, value) => ({
      to: paths.cohort(cohort.id).organisations(),
      banner: `${value.name} added to the cohort`,
    }),
  });
}

export default function AddOrganisation() {
  const { cohort, known } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof OrganisationSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: { kind: "company", region: "england-and-wales" },
  });
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).organisations(), text: "Back to organisations" }}
      form={form}
      caption={cohort.name}
      heading="Add an organisation"
    >
      {known.length > 0 ? (
        <p className="govuk-body">
          Tandem already knows {known.length} other organisations, such as{" "}
          {known
            .slice(0, 3)
            .map((o) => o.name)
            .join(", ")}
          . Type a name exactly to add one of them.
        </p>
      ) : null}
      <Form method="post" {...formProps(form)}>
        <OnceOnly />
        <OrganisationFields fields={fields} />
        <Button>Add organisation</Button>
      </Form>
    </FormPage>
  );
}
