import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { loadProgrammeForAdmin, requireProgrammeAdmin } from "~/auth/programme-access.server";
import { addCohort } from "~/commands/cohorts.server";
import { CohortFields } from "~/components/CohortFields";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { CohortSchema } from "~/forms/cohort";
import { submitForm } from "~/forms/submit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Add a cohort");
export const ErrorBoundary = RouteErrorBoundary;

export const loader = loadProgrammeForAdmin;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, programme } = await requireProgrammeAdmin(context, request, params.programmeId);
  return submitForm(context, request, user, {
    schema: CohortSchema,
    // The same form sent twice (a double click, a retried request) adds one cohort.
    once: true,
    command: addCohort,
    input: (value) => ({ ...value, programme }),
    done: (outcome) => ({
      to: paths.programme(programme.id).home(),
      banner: `Cohort ${outcome.cohort.name} added. Now appoint its coordinator.`,
    }),
  });
}

export default function NewCohort() {
  const { programme } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof CohortSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: { weeks: 12, teamCount: 6, status: "planning" },
  });
  return (
    <FormPage
      back={{ href: paths.programme(programme.id).home(), text: <>Back to {programme.name}</> }}
      form={form}
      errorIds={{ startDate: "startDate-day" }}
      caption={programme.name}
      heading="Add a cohort"
    >
      <Form method="post" {...formProps(form)}>
        <OnceOnly />
        <CohortFields fields={fields} />
        <Button>Add cohort</Button>
      </Form>
    </FormPage>
  );
}
