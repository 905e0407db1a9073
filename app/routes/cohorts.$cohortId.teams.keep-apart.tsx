import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, Select, Table } from "~/components/govuk";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  addKeepApart,
  claimTeamsVersion,
  getTeamsStatus,
  listKeepApart,
  listTeamCandidates,
  removeKeepApart,
} from "~/models/team.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("People to keep apart");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const db = context.db;
  const [pairs, candidates, status] = await Promise.all([
    listKeepApart(db, cohort.id),
    listTeamCandidates(db, cohort.id),
    getTeamsStatus(db, cohort.id),
  ]);
  return {
    cohort,
    pairs,
    version: status.teams_version,
    people: candidates.map((c) => ({ id: c.id, name: c.name })),
  };
}

const person = (message: string) => z.string().regex(/^\d+$/, message).transform(Number);
const AddSchema = z
  .object({
    version: z.string().regex(/^\d+$/).transform(Number),
    personA: person("Choose the first person"),
    personB: person("Choose the second person"),
  })
  .refine((v) => v.personA !== v.personB, { path: ["personB"], message: "Choose two different people" });
const RemoveSchema = z.object({
  version: z.string().regex(/^\d+$/).transform(Number),
  pairId: z.string().regex(/^\d+$/).transform(Number),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const formData = await request.formData();
  const db = context.db;
  const path = `/cohorts/${cohort.id}/teams/keep-apart`;
  const conflict = (values: unknown) =>
    data(
      {
        errors: {
          personA:
            "Someone else changed the teams while you were looking at them. Check the list as it is now and try again.",
        } as Record<string, string>,
        values,
      },
      { status: 409 },
    );
  if (formData.get("intent") === "remove") {
    const form = parseForm(formData, RemoveSchema);
    if (!form.ok)
      return data({ errors: { personA: "Choose a pair to remove" }, values: form.values }, { status: 400 });
    const removed = await db.transaction().execute(async (tx) => {
      if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return null;
      const ok = await removeKeepApart(tx, cohort.id, form.data.pairId);
      if (ok)
        await recordAudit(tx, {
          actorId: user.personId,
          action: "team.keep_apart_removed",
          subjectType: "cohort",
          subjectId: cohort.id,
          cohortId: cohort.id,
          address: clientAddress(context),
          details: { pair: form.data.pairId },
        });
      return ok;
    });
    if (removed === null) return conflict(form.values);
    return redirectWithBanner(
      context,
      request,
      path,
      removed ? "Pair removed" : "That pair was already removed",
    );
  }
  const form = parseForm(formData, AddSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const candidates = await listTeamCandidates(db, cohort.id);
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const errors: Record<string, string> = {};
  if (!names.has(form.data.personA)) errors.personA = "Choose a participant of this cohort";
  if (!names.has(form.data.personB)) errors.personB = "Choose a participant of this cohort";
  if (Object.keys(errors).length) return data({ errors, values: form.values }, { status: 400 });
  const saved = await db.transaction().execute(async (tx) => {
    if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return false;
    await addKeepApart(tx, cohort.id, form.data.personA, form.data.personB);
    await recordAudit(tx, {
      actorId: user.personId,
      action: "team.keep_apart_added",
      subjectType: "cohort",
      subjectId: cohort.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { personA: form.data.personA, personB: form.data.personB },
    });
    return true;
  });
  if (!saved) return conflict(form.values);
  return redirectWithBanner(
    context,
    request,
    path,
    `${names.get(form.data.personA)} and ${names.get(form.data.personB)} will be kept apart`,
  );
}

export default function KeepApart() {
  const { cohort, pairs, people, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  const items = [
    { value: "", text: "Choose a person" },
    ...people.map((p) => ({ value: String(p.id), text: p.name })),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cohorts/${cohort.id}/teams`}>Back to teams</BackLink>
        <FormErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{cohort.name}</span>
          People to keep apart
        </h1>
        <p className="govuk-body">
          Two people kept apart are never put in the same team (rule H3). The next time you regenerate the
          teams, these pairs are kept.
        </p>
        {pairs.length ? (
          <Table
            caption="Pairs kept apart"
            captionSize="s"
            head={[
              { text: "Person" },
              { text: "Kept apart from" },
              { text: <span className="govuk-visually-hidden">Action</span> },
            ]}
            rows={pairs.map((pair) => [
              { text: pair.name_a },
              { text: pair.name_b },
              {
                text: (
                  <Form method="post" className="tandem-inline-form">
                    <input type="hidden" name="version" value={version} />
                    <input type="hidden" name="pairId" value={pair.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    >
                      Remove
                      <span className="govuk-visually-hidden"> {`${pair.name_a} and ${pair.name_b}`}</span>
                    </button>
                  </Form>
                ),
              },
            ])}
          />
        ) : (
          <p className="govuk-body">No pairs yet.</p>
        )}
        <h2 className="govuk-heading-m">Add a pair</h2>
        <Form method="post" noValidate key={version}>
          <input type="hidden" name="version" value={version} />
          <Select
            id="personA"
            name="personA"
            label="Person"
            items={items}
            defaultValue={fieldValue(values, "personA") ?? ""}
            error={errors?.personA}
          />
          <Select
            id="personB"
            name="personB"
            label="Keep apart from"
            items={items}
            defaultValue={fieldValue(values, "personB") ?? ""}
            error={errors?.personB}
          />
          <Button name="intent" value="add">
            Keep apart
          </Button>
        </Form>
      </div>
    </div>
  );
}
