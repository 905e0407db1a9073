import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { forbidden } from "~/auth/guards.server";
import { requireTeam, type TeamAccess } from "~/auth/team-access.server";
import {
  approveStatementOnBehalf,
  reviewStatement,
  submitStatementForReview,
} from "~/commands/statements.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, InsetText, SummaryList } from "~/components/govuk";
import { StatementStatusTag } from "~/components/StatementStatusTag";
import { StatementView } from "~/components/StatementView";
import { formatUkDate } from "~/domain/calendar";
import { mayEdit, maySubmit } from "~/domain/problem-statement";
import { change, submitForm } from "~/forms/submit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { statementPage } from "./page.server";
import { ApproveOnBehalfForm, ReviewForm } from "./ReviewForms";
import { ReviewHistory } from "./ReviewHistory";
import { StatementPageSchema } from "./schema";

export const meta = pageMeta<typeof loader>(({ data }) => `${data?.teamName ?? "Team"}: problem statement`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return statementPage(context.db, await requireTeam(context, request, params));
}

type Intent = z.output<typeof StatementPageSchema>;

/** The team submits, its mentors review, the coordinators approve on their behalf. */
function allowed(access: TeamAccess, intent: Intent["intent"]) {
  if (intent === "submit") return access.isMember;
  if (intent === "review") return access.isMentor;
  return access.coordinates;
}

const BANNERS = {
  submitted: "Problem statement submitted: your mentors have been asked to review it",
  approvedByBoth: "Problem statement approved by both mentors",
  approvedByYou: "You approved the problem statement",
  changesRequested: "Changes requested: the statement is back with the team",
  onBehalf: "Problem statement approved on the mentors' behalf",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireTeam(context, request, params);
  const { cohort, team } = access;
  const to = paths.cohort(cohort.id).teamOf(team.id).statement();
  return submitForm(context, request, access.user, {
    schema: StatementPageSchema,
    // The review and approve-on-behalf forms carry a one-time key: sent twice, the review is recorded once.
    once: true,
    change: (input) => {
      if (!allowed(access, input.intent)) forbidden();
      const review = {
        team: { id: team.id, number: team.number, cohortId: cohort.id },
        version: input.version,
        mentorIds: team.mentors.map((m) => m.id),
      };
      if (input.intent === "submit")
        return change(submitStatementForReview, review, { to, banner: BANNERS.submitted });
      if (input.intent === "approve-on-behalf")
        return change(
          approveStatementOnBehalf,
          { ...review, reason: input.reason },
          { to, banner: BANNERS.onBehalf },
        );
      return change(reviewStatement, { ...review, ...input }, ({ outcome }) => ({
        to,
        banner:
          outcome === "approved"
            ? BANNERS.approvedByBoth
            : input.decision === "approved"
              ? BANNERS.approvedByYou
              : BANNERS.changesRequested,
      }));
    },
  });
}

export default function StatementPage() {
  const d = useLoaderData<typeof loader>();
  // One form state for the page's three small forms (submit, review, approve on behalf): they post to the same
  // action, and the error summary lists whichever was refused.
  const [form, fields] = useForm<z.input<typeof StatementPageSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  const team = paths.cohort(d.cohortId).teamOf(d.teamId);
  const reviewFields = { decision: fields.decision, comment: fields.comment, reason: fields.reason };
  return (
    <FormPage
      back={{ href: team.home(), text: <>Back to {d.teamName}</> }}
      form={form}
      errorIds={{ submit: "submit-statement" }}
      caption={d.teamName}
      heading="Problem statement"
    >
      <SummaryList
        rows={[
          {
            key: "Status",
            value: <StatementStatusTag status={d.status} deadlineState={d.deadlineState} />,
          },
          { key: "Due", value: formatUkDate(d.deadline) },
          ...(d.savedBy ? [{ key: "Last saved", value: `Version ${d.version} by ${d.savedBy}` }] : []),
          ...(d.status === "submitted" && d.waitingFor.length
            ? [{ key: "Waiting for", value: d.waitingFor.join(" and ") }]
            : []),
        ]}
      />
      <p className="govuk-body">
        {d.isMember && mayEdit(d.status) ? (
          <>
            <Link className="govuk-link" to={team.statementEdit()}>
              {d.current ? "Edit the statement" : "Start writing the statement"}
            </Link>
            {d.current ? " · " : null}
          </>
        ) : null}
        {d.current ? (
          <Link className="govuk-link" to={team.statementHistory()}>
            Version history
          </Link>
        ) : null}
      </p>
      {d.current ? (
        <StatementView text={d.current} headingLevel={2} idPrefix="statement" />
      ) : (
        <InsetText>The team has not started its problem statement yet.</InsetText>
      )}
      {d.isMember && maySubmit(d.status, d.version) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="version" value={d.version} />
          <Button id="submit-statement">Submit to your mentors</Button>
        </Form>
      ) : null}
      {d.mayReview ? <ReviewForm version={d.submittedVersion} fields={reviewFields} /> : null}
      {d.mayApproveOnBehalf ? (
        <ApproveOnBehalfForm version={d.submittedVersion} fields={reviewFields} />
      ) : null}
      <ReviewHistory reviews={d.reviews} />
    </FormPage>
  );
}
