import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePersonalDataAccess } from "~/auth/personal-data-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, InsetText, SummaryList } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDateTime } from "~/domain/calendar";
import { countPasskeys } from "~/models/passkey.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => `Personal data: ${data?.person.name ?? "person"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, person, self } = await requirePersonalDataAccess(context, request, params.personId);
  // Whether they use two-step verification is for administrators (who can reset it) only.
  const [factor, passkeys] = user.isAdmin
    ? await Promise.all([getSecondFactor(context.db, person.id), countPasskeys(context.db, person.id)])
    : [undefined, 0];
  return { person, self, isAdmin: user.isAdmin, secondFactorSince: factor?.enrolled_at ?? null, passkeys };
}

export default function PersonalData() {
  const { person, self, isAdmin, secondFactorSince, passkeys } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading caption="Personal data">{person.name}</PageHeading>
        <SummaryList
          rows={[
            { key: "Email address", value: person.email },
            { key: "Organisation", value: person.organisation_name ?? "None" },
            { key: "Job title", value: person.job_title ?? "None" },
            {
              key: "Anonymised",
              value: person.anonymised_at ? formatUkDateTime(person.anonymised_at) : "No",
            },
          ]}
        />
        <p className="govuk-body">
          The download holds everything Tandem keeps about {self ? "you" : "this person"}: the profile, cohort
          memberships, attendance, skills answers, teams, and every audit log entry by or about{" "}
          {self ? "you" : "them"}, as JSON. Password and link secrets are left out.
        </p>
        <Button href={paths.person(person.id).data()}>Download {self ? "your" : "their"} data (JSON)</Button>
        {isAdmin ? (
          <>
            <h2 className="govuk-heading-m">Two-step verification</h2>
            {secondFactorSince || passkeys > 0 ? (
              <>
                <p className="govuk-body">
                  {secondFactorSince
                    ? `${self ? "You" : "They"} set up two-step verification on ${formatUkDateTime(secondFactorSince)}.`
                    : `${self ? "You have" : "They have"} not set up two-step verification.`}
                  {passkeys > 0
                    ? ` ${self ? "You have" : "They have"} ${passkeys === 1 ? "a passkey" : `${passkeys} passkeys`}.`
                    : ""}
                </p>
                <LinkParagraph to={paths.person(person.id).resetSecondFactor()}>
                  Reset two-step verification (lost phone and recovery codes)
                </LinkParagraph>
              </>
            ) : (
              <p className="govuk-body">
                {self ? "You have" : "They have"} not set up two-step verification.
              </p>
            )}
            <h2 className="govuk-heading-m">Anonymise</h2>
            {person.anonymised_at ? (
              <InsetText>This person was anonymised on {formatUkDateTime(person.anonymised_at)}.</InsetText>
            ) : (
              <LinkParagraph to={paths.person(person.id).anonymise()}>
                Anonymise this person on request
              </LinkParagraph>
            )}
          </>
        ) : null}
        <LinkParagraph to={paths.privacy()}>How Tandem handles personal data</LinkParagraph>
      </div>
    </div>
  );
}
