import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, forbidden } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { requireTeam } from "~/auth/team-access.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Radios, SummaryList, Textarea } from "~/components/govuk";
import { StatementStatusTag } from "~/components/StatementStatusTag";
import { StatementView } from "~/components/StatementView";
import { formatUkDate, formatUkDateTime, todayInLondon } from "~/domain/calendar";
import {
  awaitingReview,
  deadlineState,
  mayEdit,
  maySubmit,
  missingFields,
  statementDeadline,
} from "~/domain/problem-statement";
import { NOTE_LIMIT } from "~/forms/mentoring";
import { type FieldErrors, fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import { teamLabel } from "~/models/mentoring.server";
import { getStatement, recordReviews, submitStatement, versionText } from "~/models/problem-statement.server";
import { listMilestones } from "~/models/visit.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => `${data?.teamName ?? "Team"}: problem statement`);
export const ErrorBoundary = RouteErrorBoundary;

const DECISIONS = { approved: "Approve it", changes_requested: "Ask for changes" } as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, cohort, team, coordinates, isMentor, isMember } = await requireTeam(context, request, params);
  const db = context.db;
  const [statement, milestones] = await Promise.all([getStatement(db, team.id), listMilestones(db, cohort)]);
  const deadline = statementDeadline(cohort.start_date, cohort.weeks, milestones);
  const mentorIds = team.mentors.map((m) => m.id);
  const reviews = (statement?.reviews ?? []).map((r) => ({
    mentorId: r.mentor_id,
    versionNumber: r.version_number,
    decision: r.decision,
    at: r.created_at,
  }));
  const waitingFor =
    statement?.status === "submitted" && statement.submitted_version !== null
      ? awaitingReview(mentorIds, reviews, statement.submitted_version)
      : [];
  return {
    cohortId: cohort.id,
    teamId: team.id,
    teamName: teamLabel(team),
    isMember,
    coordinates,
    status: statement?.status ?? null,
    version: statement?.version ?? 0,
    submittedVersion: statement?.submitted_version ?? null,
    current: statement?.current ? versionText(statement.current) : null,
    savedBy: statement?.current
      ? `${statement.current.author_name}, ${formatUkDateTime(statement.current.created_at)}`
      : null,
    deadline,
    deadlineState: deadlineState(statement?.first_submitted_at ?? null, deadline, todayInLondon()),
    submittedAt: statement?.submitted_at ?? null,
    mentors: team.mentors.map((m) => ({ id: m.id, name: m.name })),
    waitingFor: team.mentors.filter((m) => waitingFor.includes(m.id)).map((m) => m.name),
    mayReview: isMentor && waitingFor.includes(user.personId),
    mayApproveOnBehalf: coordinates && statement?.status === "submitted",
    reviews: (statement?.reviews ?? []).map((r) => ({
      id: r.id,
      version: r.version_number,
      mentor: r.mentor_name,
      reviewer: r.reviewer_id === r.mentor_id ? null : r.reviewer_name,
      decision: r.decision,
      comment: r.comment,
      reason: r.on_behalf_reason,
      at: formatUkDateTime(r.created_at),
    })),
  };
}

const SubmitSchema = z.object({
  intent: z.literal("submit"),
  version: z.string().regex(/^\d+$/).transform(Number),
});

const ReviewSchema = z
  .object({
    intent: z.literal("review"),
    version: z.string().regex(/^\d+$/).transform(Number),
    decision: z.enum(["approved", "changes_requested"], {
      message: "Select whether you approve the statement",
    }),
    comment: z
      .string()
      .trim()
      .max(NOTE_LIMIT, `Comment must be ${NOTE_LIMIT.toLocaleString("en-GB")} characters or fewer`)
      .optional()
      .default(""),
  })
  .refine((v) => v.decision !== "changes_requested" || v.comment, {
    message: "Enter what the team should change",
    path: ["comment"],
  });

const OnBehalfSchema = z.object({
  intent: z.literal("approve-on-behalf"),
  version: z.string().regex(/^\d+$/).transform(Number),
  reason: z
    .string()
    .trim()
    .min(1, "Enter why you are approving on the mentors' behalf")
    .max(1000, "Reason must be 1,000 characters or fewer"),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, team, coordinates, isMentor, isMember } = await requireTeam(context, request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const db = context.db;
  const statement = await getStatement(db, team.id);
  const here = `/cohorts/${cohort.id}/teams/${team.id}/statement`;
  const audit = {
    actorId: user.personId,
    subjectType: "problem_statement",
    cohortId: cohort.id,
    address: clientAddress(context),
  };
  const refuse = (errors: FieldErrors, values: Record<string, unknown> = {}, status = 400) =>
    data({ errors, values: values as Record<string, string> }, { status });

  if (intent === "submit") {
    if (!isMember) forbidden();
    const form = parseForm(formData, SubmitSchema);
    if (!form.ok || !statement?.current)
      return refuse({ submit: "Save a draft of the statement before submitting it" });
    if (!maySubmit(statement.status, statement.version))
      return refuse({ submit: "The statement has already been submitted" });
    const missing = missingFields(versionText(statement.current));
    if (missing.length)
      return refuse(
        Object.fromEntries(
          missing.map((f) => [`statement-${f.name}`, `${f.label} is empty: fill it in before submitting`]),
        ),
      );
    const ok = await db.transaction().execute(async (tx) => {
      const done = await submitStatement(tx, statement.id, form.data.version);
      if (done)
        await recordAudit(tx, {
          ...audit,
          action: "statement.submitted",
          subjectId: statement.id,
          details: { version: form.data.version, team: team.number },
        });
      return done;
    });
    if (!ok)
      return refuse(
        {
          submit:
            "Someone saved a newer version while you were reading this one. Check the latest version below, then submit.",
        },
        {},
        409,
      );
    return redirectWithBanner(
      context,
      request,
      here,
      "Problem statement submitted: your mentors have been asked to review it",
    );
  }

  if (intent === "review") {
    if (!isMentor) forbidden();
    const form = parseForm(formData, ReviewSchema);
    if (!form.ok) return refuse(form.errors, form.values);
    if (statement?.status !== "submitted" || statement.submitted_version !== form.data.version)
      return refuse({ decision: "This version is no longer waiting for review" }, form.values, 409);
    const outcome = await db.transaction().execute(async (tx) => {
      const result = await recordReviews(
        tx,
        statement.id,
        form.data.version,
        team.mentors.map((m) => m.id),
        [
          {
            mentorId: user.personId,
            reviewerId: user.personId,
            decision: form.data.decision,
            comment: form.data.comment || null,
            onBehalfReason: null,
          },
        ],
      );
      if (result)
        await recordAudit(tx, {
          ...audit,
          action: "statement.reviewed",
          subjectId: statement.id,
          details: { version: form.data.version, decision: form.data.decision, outcome: result },
        });
      return result;
    });
    if (!outcome)
      return refuse({ decision: "This version is no longer waiting for review" }, form.values, 409);
    return redirectWithBanner(
      context,
      request,
      here,
      outcome === "approved"
        ? "Problem statement approved by both mentors"
        : form.data.decision === "approved"
          ? "You approved the problem statement"
          : "Changes requested: the statement is back with the team",
    );
  }

  if (intent === "approve-on-behalf") {
    if (!coordinates) forbidden();
    const form = parseForm(formData, OnBehalfSchema);
    if (!form.ok) return refuse(form.errors, form.values);
    if (statement?.status !== "submitted" || statement.submitted_version !== form.data.version)
      return refuse({ reason: "This version is no longer waiting for review" }, form.values, 409);
    const mentorIds = team.mentors.map((m) => m.id);
    const reviews = statement.reviews.filter((r) => r.version_number === form.data.version);
    const pending = mentorIds.filter(
      (id) => !reviews.some((r) => r.mentor_id === id && r.decision === "approved"),
    );
    const outcome = await db.transaction().execute(async (tx) => {
      const result = await recordReviews(
        tx,
        statement.id,
        form.data.version,
        mentorIds,
        pending.map((mentorId) => ({
          mentorId,
          reviewerId: user.personId,
          decision: "approved" as const,
          comment: null,
          onBehalfReason: form.data.reason,
        })),
      );
      if (result)
        await recordAudit(tx, {
          ...audit,
          action: "statement.approved_on_behalf",
          subjectId: statement.id,
          details: { version: form.data.version, mentors: pending, reason: form.data.reason },
        });
      return result;
    });
    if (!outcome) return refuse({ reason: "This version is no longer waiting for review" }, form.values, 409);
    return redirectWithBanner(context, request, here, "Problem statement approved on the mentors' behalf");
  }
  return refuse({ form: "Choose what to do with the statement" });
}

export default function StatementPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const base = `/cohorts/${d.cohortId}/teams/${d.teamId}`;
  const values = actionData?.values;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base}>Back to {d.teamName}</BackLink>
        <FormErrorSummary errors={errors} ids={{ decision: "decision", submit: "submit-statement" }} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{d.teamName}</span>
          Problem statement
        </h1>
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
              <Link className="govuk-link" to={`${base}/statement/edit`}>
                {d.current ? "Edit the statement" : "Start writing the statement"}
              </Link>
              {d.current ? " · " : null}
            </>
          ) : null}
          {d.current ? (
            <Link className="govuk-link" to={`${base}/statement/history`}>
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
        {d.mayReview ? (
          <section aria-labelledby="review-heading">
            <h2 className="govuk-heading-m" id="review-heading">
              Your review of version {d.submittedVersion}
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="version" value={d.submittedVersion ?? ""} />
              <Radios
                name="decision"
                legend="Do you approve this problem statement?"
                legendSize="s"
                items={Object.entries(DECISIONS).map(([value, text]) => ({ value, text }))}
                defaultValue={fieldValue(values, "decision")}
                error={errors?.decision}
              />
              <Textarea
                id="comment"
                name="comment"
                label="Comment for the team"
                labelClassName="govuk-label--s"
                hint="Required when you ask for changes"
                rows={4}
                defaultValue={fieldValue(values, "comment")}
                error={errors?.comment}
              />
              <Button>Send review</Button>
            </Form>
          </section>
        ) : null}
        {d.mayApproveOnBehalf ? (
          <section aria-labelledby="on-behalf-heading">
            <h2 className="govuk-heading-m" id="on-behalf-heading">
              Approve on the mentors' behalf
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="approve-on-behalf" />
              <input type="hidden" name="version" value={d.submittedVersion ?? ""} />
              <Textarea
                id="reason"
                name="reason"
                label="Why are you approving instead of the mentors?"
                labelClassName="govuk-label--s"
                hint="For example, a mentor is away. This is recorded with the approval."
                rows={3}
                defaultValue={fieldValue(values, "reason")}
                error={errors?.reason}
              />
              <Button variant="secondary">Approve on their behalf</Button>
            </Form>
          </section>
        ) : null}
        {d.reviews.length ? (
          <section aria-labelledby="reviews-heading">
            <h2 className="govuk-heading-m" id="reviews-heading">
              Reviews
            </h2>
            <ul className="govuk-list">
              {[...d.reviews].reverse().map((r) => (
                <li key={r.id} className="tandem-actions__item">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>{r.mentor}</strong>{" "}
                    {r.decision === "approved" ? "approved" : "asked for changes to"} version {r.version}
                    {r.reviewer ? ` (recorded by ${r.reviewer}: ${r.reason})` : ""}, {r.at}
                  </p>
                  {r.comment ? <p className="govuk-body tandem-pre-line">{r.comment}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
