import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortAccess } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { BackLink, InsetText, NotificationBanner, SummaryList, Table } from "~/components/govuk";
import { PageHeading } from "~/components/PageHeading";
import { auditSentence } from "~/domain/audit";
import { formatUkDateTime } from "~/domain/calendar";
import { SECTORS } from "~/domain/vocabulary";
import { teamChangesSince, teamsOfPerson } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Your team");
export const ErrorBoundary = RouteErrorBoundary;

/**
 * The people a change affects read what changed, not the coordinator's reasons for it: a mentor conflict the
 * coordinator accepted, and why, stay in the audit log.
 */
function withoutCoordinatorsReasons(details: Record<string, unknown>) {
  return { ...details, conflicts: [], overrideReason: null };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "team:own");
  const db = context.db;
  const { publishedAt, teams } = await teamsOfPerson(db, cohort.id, user.personId);
  const changes = publishedAt
    ? await teamChangesSince(
        db,
        cohort.id,
        teams.map((t) => t.id),
        publishedAt,
      )
    : [];
  return {
    cohort,
    personId: user.personId,
    published: publishedAt !== null,
    teams: teams.map((team) => ({
      id: team.id,
      number: team.number,
      name: team.name,
      members: team.members.map((m) => ({
        id: m.id,
        name: m.name,
        email: m.email,
        organisation: m.organisation_name,
        sector: m.sector,
        profession: m.profession,
      })),
      mentors: team.mentors.map((m) => ({
        id: m.id,
        name: m.name,
        email: m.email,
        organisation: m.organisation_name,
        sector: m.sector,
        jobTitle: m.job_title,
      })),
    })),
    changes: changes.map((c) => ({
      id: c.id,
      at: formatUkDateTime(c.at),
      text: auditSentence(c.action, withoutCoordinatorsReasons(JSON.parse(c.details)), {
        actor: c.actor_name ?? "Tandem",
        subject: null,
      }),
    })),
  };
}

export default function YourTeam() {
  const { cohort, personId, published, teams, changes } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={paths.home()}>Back to your home page</BackLink>
      {changes.length ? (
        <NotificationBanner title="Changes since the teams were published" titleId="team-changes-title">
          <ul className="govuk-list">
            {changes.map((c) => (
              <li key={c.id}>{`${c.at}: ${c.text}`}</li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <PageHeading caption={cohort.name}>{teams.length > 1 ? "Your teams" : "Your team"}</PageHeading>
      {!published ? (
        <InsetText>
          Your coordinator has not published the teams yet. You will see your team here once they do.
        </InsetText>
      ) : teams.length === 0 ? (
        <InsetText>You are not in a team in this cohort.</InsetText>
      ) : (
        teams.map((team) => {
          const mentoring = team.mentors.some((m) => m.id === personId);
          const coMentors = team.mentors.filter((m) => m.id !== personId);
          return (
            <section key={team.id} aria-labelledby={`team-${team.number}`}>
              <h2 className="govuk-heading-m" id={`team-${team.number}`}>
                {`Team ${team.number}${team.name ? `: ${team.name}` : ""}`}
              </h2>
              <p className="govuk-body">
                <Link className="govuk-link" to={paths.cohort(cohort.id).teamOf(team.id).home()}>
                  Sessions, actions and problem statement
                  <span className="govuk-visually-hidden"> of team {team.number}</span>
                </Link>
              </p>
              {mentoring ? (
                <p className="govuk-body">
                  {`You mentor this team${
                    coMentors.length
                      ? ` with ${coMentors.map((m) => `${m.name} (${m.organisation ?? "no organisation"})`).join(" and ")}`
                      : ""
                  }.`}
                </p>
              ) : null}
              <Table
                caption="Members"
                captionSize="s"
                firstCellIsHeader
                head={[
                  { text: "Name" },
                  { text: "Organisation" },
                  { text: "Sector" },
                  { text: "Profession" },
                ]}
                rows={team.members.map((m) => [
                  { text: m.id === personId ? `${m.name} (you)` : m.name },
                  { text: m.organisation ?? "None" },
                  { text: SECTORS[m.sector ?? "industry"] },
                  { text: m.profession ?? "Not given" },
                ])}
              />
              <h3 className="govuk-heading-s">Mentors</h3>
              {team.mentors.length ? (
                <SummaryList
                  rows={team.mentors.map((m) => ({
                    key: m.sector === "government" ? "Government mentor" : "Industry mentor",
                    value: `${m.name}${m.id === personId ? " (you)" : ""}, ${m.jobTitle ?? ""}${m.jobTitle ? ", " : ""}${m.organisation ?? "no organisation"} (${m.email})`,
                  }))}
                />
              ) : (
                <p className="govuk-body">Mentors have not been paired with this team yet.</p>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
