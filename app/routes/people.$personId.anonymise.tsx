import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, requireRecentVerification } from "~/auth/guards.server";
import { requirePersonAdmin } from "~/auth/personal-data-access.server";
import { redirectWithBanner } from "~/auth/session.server";
import { anonymise } from "~/commands/people.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Checkboxes, InsetText, WarningText } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { AnonymiseSchema } from "~/forms/personal-data";
import { invalidForm, refused } from "~/forms/reply.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Anonymise ${data?.person.name ?? "person"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, person } = await requirePersonAdmin(context, request, params.personId);
  requireRecentVerification(request, user);
  return { person };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, person } = await requirePersonAdmin(context, request, params.personId);
  requireRecentVerification(request, user);
  const submission = parseWithZod(await request.formData(), { schema: AnonymiseSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const outcome = await run(context.db, actorOf(context, user), anonymise, {
    personId: person.id,
    reason: "on request",
  });
  if (!outcome.ok) return refused(submission, outcome);
  return redirectWithBanner(
    context,
    request,
    paths.person(person.id).home(),
    `Person ${person.id} anonymised: their name and email are replaced and their sessions ended`,
  );
}

export default function Anonymise() {
  const { person } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof AnonymiseSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.person(person.id).home()}>Back to {person.name}</BackLink>
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Anonymise {person.name}</h1>
        {person.anonymised_at ? (
          <InsetText>This person was anonymised on {formatUkDateTime(person.anonymised_at)}.</InsetText>
        ) : (
          <>
            <p className="govuk-body">
              Their name and email address are replaced, their job title, line manager's email and any reason
              for withdrawing are removed, and they are signed out everywhere. Figures (attendance, skills,
              teams) and their teams' work stay. The audit log keeps its entries, which then show the
              anonymised name.
            </p>
            <WarningText>This cannot be undone.</WarningText>
            <Form method="post" {...formProps(form)}>
              <Checkboxes
                field={fields.confirm}
                legend="Confirm"
                legendSize="s"
                items={[
                  {
                    value: "yes",
                    text: "The person asked to be anonymised, or the retention period has ended",
                  },
                ]}
              />
              <Button variant="warning">Anonymise this person</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
