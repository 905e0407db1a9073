import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { addKeepApartPair, removeKeepApartPair } from "~/commands/teams.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { Button, Select, Table } from "~/components/govuk";
import { recordItems } from "~/components/items";
import { OnceOnly } from "~/components/OnceOnly";
import { RowActionForm } from "~/components/RowActionForm";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { change, submitForm } from "~/forms/submit.server";
import { KeepApartSchema } from "~/forms/teams";
import { getTeamsStatus, listKeepApart, listTeamCandidates } from "~/models/team.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const to = paths.cohort(cohort.id).teamsKeepApart();
  return submitForm(context, request, user, {
    schema: KeepApartSchema,
    // The add form carries a one-time key: sent twice, it adds the pair once and answers as the first did.
    once: true,
    change: (form) =>
      form.intent === "remove"
        ? change(removeKeepApartPair, { cohortId: cohort.id, ...form }, ({ removed }) => ({
            to,
            banner: removed ? "Pair removed" : "That pair was already removed",
          }))
        : change(addKeepApartPair, { cohortId: cohort.id, ...form }, ({ nameA, nameB }) => ({
            to,
            banner: `${nameA} and ${nameB} will be kept apart`,
          })),
  });
}

type Pair = { id: number; name_a: string; name_b: string };

function PairsTable({ pairs, version }: { pairs: Pair[]; version: number }) {
  return (
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
            <RowActionForm
              inputs={{ version, pairId: pair.id }}
              intent="remove"
              label="Remove"
              hiddenLabel={`${pair.name_a} and ${pair.name_b}`}
            />
          ),
        },
      ])}
    />
  );
}

export default function KeepApart() {
  const { cohort, pairs, people, version } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof KeepApartSchema>>(version, {
    lastResult: useActionData<typeof action>(),
  });
  const items = recordItems("Choose a person", people, (p) => p.name);
  return (
    <FormPage
      back={{ href: paths.cohort(cohort.id).teams(), text: "Back to teams" }}
      form={form}
      caption={cohort.name}
      heading="People to keep apart"
    >
      <p className="govuk-body">
        Two people kept apart are never put in the same team. The next time you regenerate the teams, these
        pairs are kept.
      </p>
      {pairs.length ? (
        <PairsTable pairs={pairs} version={version} />
      ) : (
        <p className="govuk-body">No pairs yet.</p>
      )}
      <h2 className="govuk-heading-m">Add a pair</h2>
      <VersionedForm form={form} version={version}>
        <OnceOnly />
        <Select field={fields.personA} label="Person" items={items} />
        <Select field={fields.personB} label="Keep apart from" items={items} />
        <Button name="intent" value="add">
          Keep apart
        </Button>
      </VersionedForm>
    </FormPage>
  );
}
