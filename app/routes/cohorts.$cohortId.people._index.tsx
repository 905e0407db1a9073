import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, Table, Tag } from "~/components/govuk";
import { COHORT_ROLES, type CohortRole } from "~/domain/vocabulary";
import { listCohortMembers } from "~/models/programme.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `People in ${data?.cohort.name ?? "the cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

/** The groups of the page, in its order, each with its heading. */
const GROUP_TITLES: Record<CohortRole, string> = {
  participant: "Participants",
  mentor: "Mentors",
  leader: "Senior leaders",
  coordinator: "Coordinators",
  sponsor: "Sponsors (read-only report viewers)",
};
const ROLE_ORDER = Object.keys(GROUP_TITLES) as CohortRole[];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const members = await listCohortMembers(context.db, cohort.id);
  return {
    cohort,
    groups: ROLE_ORDER.map((role) => ({ role, people: members.filter((m) => m.role === role) })),
  };
}

export default function CohortPeople() {
  const { cohort, groups } = useLoaderData<typeof loader>();
  const links = paths.cohort(cohort.id);
  return (
    <>
      <BackLink href={links.home()}>Back to {cohort.name}</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        People
      </h1>
      <Button href={links.invite()}>Invite a person</Button>
      {groups.map(({ role, people }) => (
        <section key={role} aria-labelledby={`group-${role}`}>
          <h2 className="govuk-heading-m" id={`group-${role}`}>
            {GROUP_TITLES[role]} ({people.length})
          </h2>
          {people.length === 0 ? (
            <p className="govuk-body">
              No {COHORT_ROLES[role].toLowerCase()}s yet.{" "}
              <Link className="govuk-link" to={links.invite(role)}>
                Invite one
              </Link>
            </p>
          ) : (
            <Table
              head={[
                { text: "Name" },
                { text: "Organisation" },
                { text: "Job title" },
                { text: "Account" },
                { text: "Sign-in link" },
              ]}
              rows={people.map((p) => [
                {
                  text: (
                    <>
                      {p.name}
                      <br />
                      <span className="govuk-body-s">{p.email}</span>
                    </>
                  ),
                },
                { text: p.organisation_name ? `${p.organisation_name} (${p.sector})` : "None" },
                { text: p.job_title ?? "" },
                {
                  text: p.password_set_at ? (
                    <Tag colour="green">Active</Tag>
                  ) : (
                    <Tag colour="yellow">Invited</Tag>
                  ),
                },
                {
                  text: (
                    <Form method="post" action={links.personLink(p.id)}>
                      <button type="submit" className="tandem-link-button govuk-body-s">
                        {p.password_set_at ? "Create password reset link" : "Create new invitation link"}
                        <span className="govuk-visually-hidden"> for {p.name}</span>
                      </button>
                    </Form>
                  ),
                },
              ])}
            />
          )}
        </section>
      ))}
    </>
  );
}
