import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, idParam, notFound, requireAdmin } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Checkboxes, InsetText, WarningText } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { recordAudit } from "~/models/audit.server";
import { anonymisePerson, getPersonSummary } from "~/models/personal-data.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => `Anonymise ${data?.person.name ?? "person"}`);
export const ErrorBoundary = RouteErrorBoundary;

async function load(context: AppLoadContext, request: Request, personIdParam: string | undefined) {
  const user = await requireAdmin(context, request);
  const person = await getPersonSummary(context.db, idParam(personIdParam, "Person"));
  if (!person) notFound("Person");
  return { user, person };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { person } = await load(context, request, params.personId);
  return { person };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, person } = await load(context, request, params.personId);
  const formData = await request.formData();
  if (formData.get("confirm") !== "yes")
    return data({ errors: { confirm: "Confirm that the person asked to be anonymised" } }, { status: 400 });
  const done = await context.db.transaction().execute(async (tx) => {
    const ok = await anonymisePerson(tx, person.id);
    if (ok)
      await recordAudit(tx, {
        actorId: user.personId,
        action: "person.anonymised",
        subjectType: "person",
        subjectId: person.id,
        address: clientAddress(context),
        details: { reason: "on request" },
      });
    return ok;
  });
  if (!done)
    return data(
      { errors: { confirm: "This person has already been anonymised: there is nothing more to remove" } },
      { status: 409 },
    );
  return redirectWithBanner(
    context,
    request,
    `/people/${person.id}`,
    `Person ${person.id} anonymised: their name and email are replaced and their sessions ended`,
  );
}

export default function Anonymise() {
  const { person } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/people/${person.id}`}>Back to {person.name}</BackLink>
        <FormErrorSummary errors={actionData?.errors} ids={{ confirm: "confirm" }} />
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
            <Form method="post" noValidate>
              <Checkboxes
                name="confirm"
                legend="Confirm"
                legendSize="s"
                items={[
                  {
                    value: "yes",
                    text: "The person asked to be anonymised, or the retention period has ended",
                  },
                ]}
                error={actionData?.errors.confirm}
              />
              <Button variant="warning">Anonymise this person</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
