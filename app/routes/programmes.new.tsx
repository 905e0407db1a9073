import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireAdmin } from "~/auth/guards.server";
import { addProgramme } from "~/commands/programmes.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { ProgrammeFields } from "~/components/ProgrammeFields";
import { ProgrammeSchema } from "~/forms/programme";
import { submitForm } from "~/forms/submit.server";
import { listOrganisations } from "~/models/person.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Create a programme");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(context, request);
  return { organisations: await listOrganisations(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAdmin(context, request);
  return submitForm(context, request, user, {
    schema: ProgrammeSchema,
    // The same form sent twice (a double click, a retried request) creates one programme.
    once: true,
    command: addProgramme,
    input: (value) => value,
    done: (outcome) => ({
      to: paths.programme(outcome.programme.id).home(),
      banner: `Programme ${outcome.programme.name} created`,
    }),
  });
}

export default function NewProgramme() {
  const { organisations } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof ProgrammeSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.programmes()}>Back to programmes</BackLink>
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Create a programme</h1>
        <p className="govuk-body">
          A programme is a scheme that runs repeatedly, such as Tech Connect. Each run is a cohort.
        </p>
        <Form method="post" {...formProps(form)}>
          <OnceOnly />
          <ProgrammeFields fields={fields} organisations={organisations} />
          <Button>Create programme</Button>
        </Form>
      </div>
    </div>
  );
}
