import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { actorOf, forbidden, idParam, notFound, requireCohortAccess } from "~/auth/guards.server";
import { revealSignInLink, takeRevealedSignInLink } from "~/auth/sign-in-link-reveal.server";
import { issueSignInLink } from "~/commands/invitations.server";
import { run } from "~/commands/runner.server";
import { CopyButton } from "~/components/CopyButton";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, InsetText, Panel } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { getPerson } from "~/models/person.server";
import { rolesInCohort } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Sign-in link for ${data?.person.name ?? "a person"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

/** The person must be a member of this cohort; coordinators see nobody else's. */
async function memberOf(context: AppLoadContext, cohortId: number, personIdParam: string | undefined) {
  const db = context.db;
  const personId = idParam(personIdParam, "Person");
  const roles = await rolesInCohort(db, cohortId, personId);
  const person = roles.length ? await getPerson(db, personId) : undefined;
  if (!person) notFound("Person");
  return person;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const person = await memberOf(context, cohort.id, params.personId);
  const link = await takeRevealedSignInLink(context, user.sessionId, person.id);
  return {
    cohort: { id: cohort.id, name: cohort.name },
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      active: Boolean(person.password_set_at),
    },
    link: link ? { url: link.url, expires: formatUkDateTime(link.expiresAt) } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const person = await memberOf(context, cohort.id, params.personId);
  const outcome = await run(context.db, actorOf(context, user), issueSignInLink, {
    person,
    cohortId: cohort.id,
    issuer: user,
  });
  if (!outcome.ok) forbidden();
  await revealSignInLink(context, request, user.sessionId, person.id, outcome.link);
  return redirect(paths.cohort(cohort.id).personLink(person.id));
}

export default function PersonLink() {
  const { cohort, person, link } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.cohort(cohort.id).people()}>Back to people</BackLink>
        {link ? (
          <>
            <Panel title={person.active ? "Password reset link created" : "Invitation link created"}>
              for {person.name}
            </Panel>
            <p className="govuk-body">
              Tandem has emailed this link to {person.name} at <strong>{person.email}</strong>. If it does not
              reach them, send it to them yourself. It works once, until {link.expires}.
            </p>
            <InsetText>
              <p className="govuk-body tandem-one-time-link" id="one-time-link">
                {link.url}
              </p>
              <CopyButton text={link.url}>Copy link</CopyButton>
            </InsetText>
            <p className="govuk-body">
              Tandem shows this link only now. Creating another link stops this one working.
            </p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Sign-in link for {person.name}</h1>
            <p className="govuk-body">
              A link is shown only once, when it is created. If {person.name} has lost theirs, create a new
              one: the old one will stop working.
            </p>
            <Form method="post">
              <Button>{person.active ? "Create password reset link" : "Create new invitation link"}</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
