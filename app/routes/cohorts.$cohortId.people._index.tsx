import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, Button, Table, Tag } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDateTime } from "~/domain/calendar";
import { COHORT_ROLES, type CohortRole, MESSAGE_KINDS } from "~/domain/vocabulary";
import { type EmailStatus, emailStatusOfCohort } from "~/models/email-status.server";
import { linkIssuableFor } from "~/models/person.server";
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
  const { cohort, user } = await requireCohortAccess(context, request, params.cohortId, "cohort:manage");
  const [members, emails] = await Promise.all([
    listCohortMembers(context.db, cohort.id),
    emailStatusOfCohort(context.db, cohort.id),
  ]);
  const linkable = await linkIssuableFor(
    context.db,
    user,
    members.map((m) => m.id),
  );
  return {
    cohort,
    groups: ROLE_ORDER.map((role) => ({
      role,
      people: members
        .filter((m) => m.role === role)
        .map((m) => ({ ...m, emails: emails.get(m.id) ?? null, linkable: linkable.has(m.id) })),
    })),
  };
}

/** Emails that could not be delivered to the person's address (the newest, with the mail server's reason), and the kinds they turned off. */
function EmailState({ status }: { status: EmailStatus | null }) {
  if (!status) return <span className="govuk-body-s">All on</span>;
  const failed = status.failures[0];
  return (
    <>
      {failed ? (
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          <Tag colour="red">Not delivered</Tag> {MESSAGE_KINDS[failed.kind]}, {formatUkDateTime(failed.at)}
          {status.failures.length > 1 ? ` (and ${status.failures.length - 1} more)` : ""}:{" "}
          {failed.reason ?? "no reason given"}
        </p>
      ) : null}
      {status.turnedOff.length ? (
        <p className="govuk-body-s govuk-!-margin-bottom-0">
          {`Turned off: ${status.turnedOff.map((kind) => MESSAGE_KINDS[kind]).join("; ")}`}
        </p>
      ) : failed ? null : (
        <span className="govuk-body-s">All on</span>
      )}
    </>
  );
}

export default function CohortPeople() {
  const { cohort, groups } = useLoaderData<typeof loader>();
  const links = paths.cohort(cohort.id);
  return (
    <>
      <BackLink href={links.home()}>Back to {cohort.name}</BackLink>
      <PageHeading caption={cohort.name}>People</PageHeading>
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
                { text: "Emails" },
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
                { text: <EmailState status={p.emails} /> },
                {
                  text: !p.linkable ? (
                    <span className="govuk-body-s">
                      {p.password_set_at
                        ? "They use “I have forgotten my password”"
                        : "An administrator can send a new invitation"}
                    </span>
                  ) : (
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
