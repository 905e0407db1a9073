import {
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCohortAccess } from "~/auth/guards.server";
import { drawOrder, setOrder } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Select, Table } from "~/components/govuk";
import { recordItems } from "~/components/items";
import { PageHeading } from "~/components/PageHeading";
import { useVersionedForm } from "~/components/use-versioned-form";
import { VersionedForm } from "~/components/VersionedForm";
import { pitchTimetable } from "~/domain/pitch-day";
import { OrderSchema } from "~/forms/pitch-day";
import { change, submitForm } from "~/forms/submit.server";
import { getPitchEvent, listSlots, pitchDayPanel, timetableSettings } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Running order");
export const ErrorBoundary = RouteErrorBoundary;

async function orderState(context: AppLoadContext, request: Request, cohortIdParam: string | undefined) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "pitch-day:manage");
  const db = context.db;
  const event = await getPitchEvent(db, access.cohort.id);
  if (!event) throw redirect(paths.cohort(access.cohort.id).pitchDay.event());
  const [panel, slots] = await Promise.all([
    pitchDayPanel(db, access.cohort.id, event.id),
    listSlots(db, event.id),
  ]);
  return { ...access, event, panel, slots };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort, event, panel, slots } = await orderState(context, request, params.cohortId);
  const labels = new Map(panel.teams.map((t) => [t.id, t.label]));
  const timetable = slots.length
    ? pitchTimetable(
        timetableSettings(event),
        slots.map((s) => s.team_id),
      )
    : [];
  return {
    cohort,
    version: event.version,
    seed: event.order_seed,
    teams: panel.teams.map((t) => ({ id: t.id, label: t.label })),
    order: timetable.flatMap((entry) =>
      entry.kind === "pitch"
        ? [
            {
              position: entry.position,
              teamId: entry.teamId,
              label: labels.get(entry.teamId) ?? "",
              start: entry.start,
            },
          ]
        : [],
    ),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort, event } = await orderState(context, request, params.cohortId);
  const to = paths.cohort(cohort.id).pitchDay.order();
  return submitForm(context, request, user, {
    schema: OrderSchema,
    change: (form) => {
      const order = { cohortId: cohort.id, eventId: event.id, version: form.version };
      return form.intent === "draw"
        ? change(drawOrder, order, ({ seed }) => ({
            to,
            banner: `Running order drawn at random (seed ${seed})`,
          }))
        : change(setOrder, { ...order, positions: form.positions }, { to, banner: "Running order saved" });
    },
  });
}

export default function RunningOrder() {
  const { cohort, version, seed, teams, order } = useLoaderData<typeof loader>();
  const [form, fields] = useVersionedForm<z.input<typeof OrderSchema>>(`set-${version}`, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { positions: teams.map((_, index) => order[index]?.teamId) },
  });
  const slots = fields.positions.getFieldList();
  return (
    <>
      <BackLink href={paths.cohort(cohort.id).pitchDay.home()}>Back to the pitch day</BackLink>
      <FormErrorSummary form={form} />
      <PageHeading caption={cohort.name}>Running order</PageHeading>
      {order.length ? (
        <Table
          caption={seed ? `Drawn at random (seed ${seed})` : "Set by hand"}
          captionSize="s"
          head={[{ text: "Slot", format: "numeric" }, { text: "Starts" }, { text: "Team" }]}
          rows={order.map((o) => [
            { text: String(o.position), format: "numeric" },
            { text: o.start },
            { text: o.label },
          ])}
        />
      ) : (
        <InsetText>The running order has not been set yet.</InsetText>
      )}
      {teams.length === 0 ? (
        <InsetText>Form the teams before setting the running order.</InsetText>
      ) : (
        <>
          <h2 className="govuk-heading-m">Draw at random</h2>
          <p className="govuk-body">
            Tandem shuffles the teams with a random seed and records it, so the draw can be repeated and
            checked.
          </p>
          <Form method="post" noValidate key={`draw-${version}`}>
            <input type="hidden" name="version" value={version} />
            <Button name="intent" value="draw" variant="secondary">
              Draw the running order
            </Button>
          </Form>
          <h2 className="govuk-heading-m">Set by hand</h2>
          <VersionedForm form={form} version={version}>
            {/* One slot per team. */}
            {teams.map((slotOf, index) => (
              <Select
                key={slotOf.id}
                field={slots[index]}
                name={`${fields.positions.name}[${index}]`}
                label={`Slot ${index + 1}`}
                items={recordItems("Choose a team", teams, (t) => t.label)}
              />
            ))}
            <Button name="intent" value="set">
              Save running order
            </Button>
          </VersionedForm>
        </>
      )}
    </>
  );
}
