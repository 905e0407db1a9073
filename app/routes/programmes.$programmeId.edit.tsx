import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { actorOf } from "~/auth/guards.server";
import { requireProgrammeAdmin } from "~/auth/programme-access.server";
import { redirectWithBanner } from "~/auth/session.server";
import { editProgramme } from "~/commands/programmes.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button } from "~/components/govuk";
import { ProgrammeFields } from "~/components/ProgrammeFields";
import { useVersionedForm } from "~/components/use-versioned-form";
import { EditProgrammeSchema } from "~/forms/programme";
import { invalidForm, refused } from "~/forms/reply.server";
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
  const submission = parseWithZod(await request.formData(), { schema: EditProgrammeSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const outcome = await run(context.db, actorOf(context, user), editProgramme, {
    ...submission.value,
    programmeId: programme.id,
  });
  if (!outcome.ok) return refused(submission, outcome);
  return redirectWithBanner(
    context,
    request,
    paths.programme(programme.id).home(),
    `Programme ${submission.value.name} saved`,
  );
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
          <Button>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}
