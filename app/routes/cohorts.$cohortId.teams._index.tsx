import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddress, requireCohortAccess } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import {
  BackLink,
  Button,
  Checkboxes,
  Details,
  Input,
  InsetText,
  Select,
  Table,
  Tag,
  WarningText,
} from "~/components/govuk";
import { TeamQualityTable, TeamTotals } from "~/components/TeamReport";
import { formatUkDateTime } from "~/domain/calendar";
import { evaluateTeams, formTeams, lowerBound } from "~/domain/team-formation";
import {
  readTeamSettings,
  TEAM_ATTRIBUTE_NAMES,
  TEAM_ATTRIBUTES,
  type TeamSettings,
} from "~/domain/team-settings";
import { fieldValue, parseForm } from "~/forms/parse";
import { recordAudit } from "~/models/audit.server";
import {
  claimTeamsVersion,
  findMembership,
  formationInputFor,
  getTeamsStatus,
  moveMember,
  publishTeams,
  saveTeamSettings,
  saveTeams,
  setLocked,
  teamByNumber,
} from "~/models/team.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta<typeof loader>(({ data }) => `Teams – ${data?.cohort.name ?? "cohort"}`);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const db = context.db;
  const status = await getTeamsStatus(db, cohort.id);
  const settings = readTeamSettings(status.team_settings);
  const { input, candidates, teams, keepApart } = await formationInputFor(
    db,
    cohort.id,
    cohort.team_count,
    settings,
  );
  const formed = teams.some((t) => t.members.length > 0);
  const report = formed
    ? evaluateTeams(
        { ...input, teamCount: teams.length },
        teams.map((t) => t.members.map((m) => String(m.id))),
      )
    : null;
  const bound = lowerBound({ ...input, teamCount: formed ? teams.length : cohort.team_count });
  const lastRun = settings.lastRun;
  // "Optimal" stands only while the teams are as the solver left them (the version it saved).
  const untouched = lastRun !== null && formed && status.teams_version === lastRun.version;
  return {
    cohort,
    publishedAt: status.teams_published_at,
    version: status.teams_version,
    settings,
    teams,
    report,
    lowerBound: bound,
    optimal: untouched && (lastRun?.optimal ?? false),
    participants: candidates.map((c) => ({ id: c.id, name: c.name })),
    keepApartCount: keepApart.length,
  };
}

const version = z.string().regex(/^\d+$/).transform(Number);
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(TEAM_ATTRIBUTE_NAMES as [string, ...string[]], { message: "Choose from the list" })));
const weight = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, `${label} weight must be a whole number from 0 to 9999`)
    .transform(Number);

const FormSchema = z.object({
  intent: z.literal("form"),
  version,
  balance: list,
  notAlone: list,
  weightColleagues: weight("Colleagues"),
  weightNotAlone: weight("Not alone"),
  weightBalance: weight("Balance"),
});
const PersonSchema = z.object({
  intent: z.enum(["lock", "unlock"]),
  version,
  personId: z.string().regex(/^\d+$/, "Choose a person").transform(Number),
});
const MoveSchema = z.object({
  intent: z.literal("move"),
  version,
  personId: z.string().regex(/^\d+$/, "Choose the person to move").transform(Number),
  team: z.string().regex(/^\d+$/, "Choose the team to move them to").transform(Number),
});
const PublishSchema = z.object({ intent: z.literal("publish"), version });

const CONFLICT_MESSAGE =
  "Someone else changed the teams while you were looking at them. Check the teams as they are now and try again.";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "teams:manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const db = context.db;
  const address = clientAddress(context);
  const base = `/cohorts/${cohort.id}/teams`;
  const status = await getTeamsStatus(db, cohort.id);
  const published = status.teams_published_at !== null;
  const conflict = (values: Record<string, unknown>) =>
    data({ errors: { version: CONFLICT_MESSAGE } as Record<string, string>, values }, { status: 409 });

  if (intent === "form") {
    const form = parseForm(formData, FormSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const settings: TeamSettings = {
      balance: form.data.balance as TeamSettings["balance"],
      notAlone: form.data.notAlone as TeamSettings["notAlone"],
      weights: {
        colleagues: form.data.weightColleagues,
        notAlone: form.data.weightNotAlone,
        balance: form.data.weightBalance,
      },
      lastRun: null,
    };
    const { input, candidates } = await formationInputFor(db, cohort.id, cohort.team_count, settings);
    const seed = form.data.version + 1;
    const result = formTeams(input, { seed });
    if (!result.ok)
      return data(
        { errors: { teams: result.message } as Record<string, string>, values: form.values },
        { status: 400 },
      );
    const locked = new Set(input.locks?.map((l) => Number(l.personId)));
    const saved = await db.transaction().execute(async (tx) => {
      if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return false;
      await saveTeams(
        tx,
        cohort.id,
        result.teams.map((ids) => ids.map(Number)),
        locked,
      );
      await saveTeamSettings(tx, cohort.id, {
        ...settings,
        lastRun: {
          lowerBound: result.lowerBound,
          optimal: result.optimal,
          proof: result.proof,
          elapsedMs: result.elapsedMs,
          seed,
          version: form.data.version + 1,
        },
      });
      await recordAudit(tx, {
        actorId: user.personId,
        action: published ? "teams.regenerated" : "teams.formed",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address,
        details: {
          people: candidates.length,
          teams: cohort.team_count,
          locks: locked.size,
          cost: result.cost,
          lowerBound: result.lowerBound,
          optimal: result.optimal,
          seed,
        },
      });
      return true;
    });
    if (!saved) return conflict(form.values);
    return redirectWithBanner(
      context,
      request,
      base,
      `${cohort.team_count} teams formed: cost ${result.cost.total}, lower bound ${result.lowerBound}${result.optimal ? " (proven optimal)" : ""}`,
    );
  }

  if (intent === "lock" || intent === "unlock") {
    const form = parseForm(formData, PersonSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const membership = await findMembership(db, cohort.id, form.data.personId);
    if (!membership)
      return data(
        { errors: { personId: "Choose a person in a team" }, values: form.values },
        { status: 400 },
      );
    const saved = await db.transaction().execute(async (tx) => {
      if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return false;
      await setLocked(tx, cohort.id, form.data.personId, intent === "lock");
      await recordAudit(tx, {
        actorId: user.personId,
        action: intent === "lock" ? "team.member_locked" : "team.member_unlocked",
        subjectType: "person",
        subjectId: form.data.personId,
        cohortId: cohort.id,
        address,
        details: { team: membership.number },
      });
      return true;
    });
    if (!saved) return conflict(form.values);
    return redirectWithBanner(
      context,
      request,
      base,
      intent === "lock" ? `Locked to team ${membership.number}` : "Lock removed",
    );
  }

  if (intent === "move") {
    const form = parseForm(formData, MoveSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const [membership, target] = await Promise.all([
      findMembership(db, cohort.id, form.data.personId),
      teamByNumber(db, cohort.id, form.data.team),
    ]);
    const errors: Record<string, string> = {};
    if (!membership) errors.personId = "Choose a person who is in a team";
    if (!target) errors.team = "Choose one of the teams";
    else if (membership && membership.number === target.number)
      errors.team = `They are already in team ${target.number}: choose another team`;
    if (!membership || !target || Object.keys(errors).length)
      return data({ errors, values: form.values }, { status: 400 });
    const person = await db
      .selectFrom("people")
      .where("id", "=", form.data.personId)
      .select("name")
      .executeTakeFirstOrThrow();
    const saved = await db.transaction().execute(async (tx) => {
      if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return false;
      await moveMember(tx, cohort.id, form.data.personId, target.id);
      const details = {
        person: person.name,
        personId: form.data.personId,
        from: membership.number,
        to: target.number,
      };
      // Logged against both teams, so the people in each see the change on their team page.
      for (const teamId of [membership.team_id, target.id]) {
        await recordAudit(tx, {
          actorId: user.personId,
          action: "team.member_moved",
          subjectType: "team",
          subjectId: teamId,
          cohortId: cohort.id,
          address,
          details: { ...details, afterPublishing: published },
        });
      }
      return true;
    });
    if (!saved) return conflict(form.values);
    return redirectWithBanner(
      context,
      request,
      base,
      `${person.name} moved from team ${membership.number} to team ${target.number}`,
    );
  }

  if (intent === "publish") {
    const form = parseForm(formData, PublishSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const settings = readTeamSettings(status.team_settings);
    const { input, teams } = await formationInputFor(db, cohort.id, cohort.team_count, settings);
    if (!teams.some((t) => t.members.length))
      return data(
        { errors: { publish: "Form the teams before publishing them" }, values: form.values },
        { status: 400 },
      );
    const report = evaluateTeams(
      { ...input, teamCount: teams.length },
      teams.map((t) => t.members.map((m) => String(m.id))),
    );
    if (report.broken.length)
      return data(
        {
          errors: {
            publish: `The teams break a hard rule, so they cannot be published: ${report.broken[0]!.rule} ${report.broken[0]!.message}`,
          },
          values: form.values,
        },
        { status: 400 },
      );
    const saved = await db.transaction().execute(async (tx) => {
      if (!(await claimTeamsVersion(tx, cohort.id, form.data.version))) return false;
      await publishTeams(tx, cohort.id);
      await recordAudit(tx, {
        actorId: user.personId,
        action: "teams.published",
        subjectType: "cohort",
        subjectId: cohort.id,
        cohortId: cohort.id,
        address,
        details: { teams: teams.length },
      });
      return true;
    });
    if (!saved) return conflict(form.values);
    return redirectWithBanner(
      context,
      request,
      base,
      "Teams published: participants and mentors can now see their team",
    );
  }

  return data(
    { errors: { intent: "That action is not available here" } as Record<string, string>, values: {} },
    { status: 400 },
  );
}

export default function Teams() {
  const {
    cohort,
    publishedAt,
    version,
    settings,
    teams,
    report,
    lowerBound,
    optimal,
    participants,
    keepApartCount,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string | string[]> | undefined;
  const formed = report !== null;
  const base = `/cohorts/${cohort.id}/teams`;
  const attributeItems = TEAM_ATTRIBUTE_NAMES.map((name) => ({ value: name, text: TEAM_ATTRIBUTES[name] }));
  const chosen = (name: string, fallback: string[]) => {
    const value = values?.[name];
    if (values?.intent !== "form") return fallback;
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const teamNumbers = teams.map((t) => ({
    value: String(t.number),
    text: `Team ${t.number}${t.name ? `: ${t.name}` : ""}`,
  }));
  return (
    <>
      <BackLink href={`/cohorts/${cohort.id}`}>Back to {cohort.name}</BackLink>
      <FormErrorSummary
        errors={errors}
        ids={{ balance: "balance", teams: "form-teams", version: "form-teams", publish: "publish" }}
      />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{cohort.name}</span>
        Teams
      </h1>
      {publishedAt ? (
        <p className="govuk-body">
          <Tag colour="green">Published</Tag> on {formatUkDateTime(publishedAt)}. Participants and mentors can
          see their team; changes you make now are logged and shown to the people affected.
        </p>
      ) : (
        <p className="govuk-body">
          <Tag colour="grey">Not published</Tag> Participants and mentors cannot see the teams until you
          publish them.
        </p>
      )}
      <p className="govuk-body">
        {participants.length} participants in {cohort.team_count} teams.{" "}
        <Link className="govuk-link" to="/how-teams-are-formed">
          How teams are formed
        </Link>
      </p>

      <h2 className="govuk-heading-m" id="form-teams" tabIndex={-1}>
        {formed ? "Regenerate around the locks" : "Propose teams"}
      </h2>
      {errors?.teams ? <WarningText>{errors.teams}</WarningText> : null}
      {errors?.version ? <WarningText>{errors.version}</WarningText> : null}
      <Form method="post" noValidate key={`form-${version}`}>
        <input type="hidden" name="version" value={version} />
        <Checkboxes
          name="balance"
          legend="Balance these across the teams (C2)"
          legendSize="s"
          small
          items={attributeItems}
          defaultValues={chosen("balance", settings.balance)}
          error={errors?.balance}
        />
        <Checkboxes
          name="notAlone"
          legend="Nobody alone in their team by (C3)"
          legendSize="s"
          hint="Nobody should be the only one in their team with a value others in the cohort share."
          small
          items={attributeItems}
          defaultValues={chosen("notAlone", settings.notAlone)}
          error={errors?.notAlone}
        />
        <Details
          summary="Weights of the cost terms"
          open={Boolean(errors?.weightColleagues || errors?.weightNotAlone || errors?.weightBalance)}
        >
          <Input
            id="weightColleagues"
            name="weightColleagues"
            label="Colleagues (C1)"
            width="4"
            inputMode="numeric"
            defaultValue={fieldValue(values, "weightColleagues") ?? String(settings.weights.colleagues)}
            error={errors?.weightColleagues}
          />
          <Input
            id="weightNotAlone"
            name="weightNotAlone"
            label="Not alone (C3)"
            width="4"
            inputMode="numeric"
            defaultValue={fieldValue(values, "weightNotAlone") ?? String(settings.weights.notAlone)}
            error={errors?.weightNotAlone}
          />
          <Input
            id="weightBalance"
            name="weightBalance"
            label="Balance (C2)"
            width="4"
            inputMode="numeric"
            defaultValue={fieldValue(values, "weightBalance") ?? String(settings.weights.balance)}
            error={errors?.weightBalance}
          />
        </Details>
        <Button name="intent" value="form">
          {formed ? "Regenerate teams" : "Propose teams"}
        </Button>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${base}/keep-apart`}>
          People to keep apart ({keepApartCount})
        </Link>
      </p>

      {report ? (
        <>
          <h2 className="govuk-heading-m">Quality</h2>
          <TeamTotals report={report} lowerBound={lowerBound} optimal={optimal} />
          <TeamQualityTable report={report} />

          {teams.map((team) => (
            <div key={team.id}>
              <Table
                caption={`Team ${team.number}${team.name ? `: ${team.name}` : ""}`}
                captionSize="m"
                firstCellIsHeader
                head={[
                  { text: "Name" },
                  { text: "Sector" },
                  { text: "Organisation" },
                  { text: "Profession" },
                  { text: "Locked" },
                  { text: <span className="govuk-visually-hidden">Action</span> },
                ]}
                rows={team.members.map((m) => [
                  { text: m.name },
                  { text: m.sector === "government" ? "Government" : "Industry" },
                  { text: m.organisation_name ?? "None" },
                  { text: m.profession ?? "Not given" },
                  { text: m.locked ? <Tag colour="blue">Locked</Tag> : "No" },
                  {
                    text: (
                      <Form method="post" className="tandem-inline-form">
                        <input type="hidden" name="version" value={version} />
                        <input type="hidden" name="personId" value={m.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={m.locked ? "unlock" : "lock"}
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        >
                          {m.locked ? "Unlock" : "Lock"}
                          <span className="govuk-visually-hidden"> {m.name}</span>
                        </button>
                      </Form>
                    ),
                  },
                ])}
              />
              {team.mentors.length ? (
                <p className="govuk-body">
                  Mentors:{" "}
                  {team.mentors
                    .map((m) => `${m.name} (${m.sector}, ${m.organisation_name ?? "no organisation"})`)
                    .join(" and ")}
                </p>
              ) : null}
            </div>
          ))}

          <h2 className="govuk-heading-m">Move a person</h2>
          <Form method="post" noValidate key={`move-${version}`}>
            <input type="hidden" name="version" value={version} />
            <Select
              id="personId"
              name="personId"
              label="Person"
              items={[
                { value: "", text: "Choose a person" },
                ...participants.map((p) => ({ value: String(p.id), text: p.name })),
              ]}
              defaultValue={values?.intent === "move" ? fieldValue(values, "personId") : ""}
              error={errors?.personId}
            />
            <Select
              id="team"
              name="team"
              label="Move to"
              items={[{ value: "", text: "Choose a team" }, ...teamNumbers]}
              defaultValue={values?.intent === "move" ? fieldValue(values, "team") : ""}
              error={errors?.team}
            />
            <Button name="intent" value="move" variant="secondary">
              Move person
            </Button>
          </Form>

          <h2 className="govuk-heading-m">Names and mentors</h2>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`${base}/names`}>
                Name the teams
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to={`${base}/mentors`}>
                Pair mentors with teams
              </Link>
            </li>
          </ul>

          <h2 className="govuk-heading-m" id="publish" tabIndex={-1}>
            Publish
          </h2>
          {errors?.publish ? <WarningText>{errors.publish}</WarningText> : null}
          {publishedAt ? (
            <InsetText>
              The teams are published. Changes you make now are shown to the people affected.
            </InsetText>
          ) : (
            <Form method="post">
              <input type="hidden" name="version" value={version} />
              <Button name="intent" value="publish">
                Publish teams
              </Button>
            </Form>
          )}
        </>
      ) : (
        <InsetText>The teams have not been formed yet.</InsetText>
      )}
    </>
  );
}
