// The running order: drawn at random (from a stored seed, so the draw can be checked) or set by hand.
import { randomInt } from "node:crypto";
import {
  type ActionFunctionArgs,
  type AppLoadContext,
  data,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { BackLink, Button, InsetText, Select, Table } from "~/components/govuk";
import { drawRunningOrder, pitchTimetable } from "~/domain/pitch-day";
import { type FieldErrors, formValues } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  claimEventVersion,
  getPitchEvent,
  listSlots,
  pitchDayPanel,
  replaceSlots,
  timetableSettings,
} from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Running order");
export const ErrorBoundary = RouteErrorBoundary;

async function orderState(context: AppLoadContext, request: Request, cohortIdParam: string | undefined) {
  const access = await requireCohortAccess(context, request, cohortIdParam, "pitch-day:manage");
  const db = context.db;
  const event = await getPitchEvent(db, access.cohort.id);
  if (!event) throw redirect(`/cohorts/${access.cohort.id}/pitch-day/event`);
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
  const { user, cohort, event, panel } = await orderState(context, request, params.cohortId);
  const values = formValues(await request.formData());
  const refuse = (errors: FieldErrors, status = 400) => data({ errors, values }, { status });
  const intent = values.intent;
  const version = Number(values.version);
  if (intent !== "draw" && intent !== "set")
    return refuse({ order: "Choose to draw the order or set it by hand" });
  if (panel.teams.length === 0) return refuse({ order: "Form the teams before setting the running order" });
  let teamIds: number[];
  let seed: string | null = null;
  if (intent === "draw") {
    seed = String(randomInt(0, 2 ** 31));
    teamIds = drawRunningOrder(
      panel.teams.map((t) => t.id),
      Number(seed),
    );
  } else {
    const known = new Set(panel.teams.map((t) => t.id));
    const errors: FieldErrors = {};
    teamIds = [];
    panel.teams.forEach((_, index) => {
      const field = `position-${index + 1}`;
      const raw = values[field];
      const id = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!known.has(id)) errors[field] = `Choose the team that pitches in slot ${index + 1}`;
      else if (teamIds.includes(id)) errors[field] = `Slot ${index + 1}: each team pitches once`;
      else teamIds.push(id);
    });
    if (Object.keys(errors).length) return refuse(errors);
  }
  const labels = new Map(panel.teams.map((t) => [t.id, t.label]));
  const saved = await context.db.transaction().execute(async (tx) => {
    if (!Number.isInteger(version) || !(await claimEventVersion(tx, event.id, version))) return false;
    await replaceSlots(tx, event.id, teamIds, seed);
    await recordAudit(tx, {
      actorId: user.personId,
      action: intent === "draw" ? "pitch_day.order_drawn" : "pitch_day.order_set",
      subjectType: "pitch_event",
      subjectId: event.id,
      cohortId: cohort.id,
      address: clientAddress(context),
      details: { seed, order: teamIds.map((id) => labels.get(id)) },
    });
    return true;
  });
  if (!saved)
    return refuse(
      {
        order:
          "Someone else changed the pitch day while you were looking at it. Check the running order as it is now and try again.",
      },
      409,
    );
  return redirectWithBanner(
    context,
    request,
    `/cohorts/${cohort.id}/pitch-day/order`,
    intent === "draw" ? `Running order drawn at random (seed ${seed})` : "Running order saved",
  );
}

export default function RunningOrder() {
  const { cohort, version, seed, teams, order } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values as Record<string, string> | undefined;
  const base = `/cohorts/${cohort.id}/pitch-day`;
  const current = (position: number) =>
    values?.[`position-${position}`] ?? String(order.find((o) => o.position === position)?.teamId ?? "");
  return (
    <>
      <BackLink href={base}>Back to the pitch day</BackLink>
      <FormErrorSummary
        errors={errors}
        ids={Object.fromEntries(teams.map((_, i) => [`position-${i + 1}`, `position-${i + 1}`]))}
      />
      <h1 className="govuk-heading-l" id="order" tabIndex={-1}>
        <span className="govuk-caption-l">{cohort.name}</span>
        Running order
      </h1>
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
          <Form method="post" noValidate key={`set-${version}`}>
            <input type="hidden" name="version" value={version} />
            {teams.map((_, index) => {
              const position = index + 1;
              return (
                <Select
                  key={position}
                  id={`position-${position}`}
                  name={`position-${position}`}
                  label={`Slot ${position}`}
                  items={[
                    { value: "", text: "Choose a team" },
                    ...teams.map((t) => ({ value: String(t.id), text: t.label })),
                  ]}
                  defaultValue={current(position)}
                  error={errors?.[`position-${position}`]}
                />
              );
            })}
            <Button name="intent" value="set">
              Save running order
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
