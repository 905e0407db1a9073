// Opening scoring more than a day before the pitch day: the coordinator confirms that leaders may score pitches
// they have not seen yet.
import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { notFound, requireCohortAccess } from "~/auth/guards.server";
import { openScoring } from "~/commands/pitch-day.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, ButtonGroup, InsetText } from "~/components/govuk";
import { todayInLondon } from "~/domain/calendar";
import { earlyScoringWarning } from "~/domain/pitch-day";
import { OpenScoringSchema } from "~/forms/pitch-day";
import { submitForm } from "~/forms/submit.server";
import { getPitchEvent } from "~/models/pitch.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Open scoring now?");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) notFound("Pitch day");
  return {
    cohort,
    version: event.version,
    open: event.scoring_state === "open",
    reopening: event.scoring_state === "closed",
    warning: earlyScoringWarning(event.date, todayInLondon()),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohortAccess(context, request, params.cohortId, "pitch-day:manage");
  const event = await getPitchEvent(context.db, cohort.id);
  if (!event) notFound("Pitch day");
  return submitForm(context, request, user, {
    schema: OpenScoringSchema,
    command: openScoring,
    input: ({ version }) => ({ cohortId: cohort.id, eventId: event.id, version, confirmEarly: true }),
    done: {
      to: paths.cohort(cohort.id).pitchDay.home(),
      banner: "Scoring is open: the panel can score the pitches",
    },
  });
}

export default function OpenScoringEarly() {
  const { cohort, version, open, reopening, warning } = useLoaderData<typeof loader>();
  const [form] = useForm<z.input<typeof OpenScoringSchema>>({ lastResult: useActionData<typeof action>() });
  const home = paths.cohort(cohort.id).pitchDay.home();
  return (
    <FormPage
      back={{ href: home, text: "Back to the pitch day" }}
      form={form}
      caption={cohort.name}
      heading={reopening ? "Reopen scoring now?" : "Open scoring now?"}
    >
      {open ? (
        <InsetText>Scoring is already open.</InsetText>
      ) : (
        <>
          <p className="govuk-body">
            {warning ? `${warning}.` : "The pitch day is today or tomorrow."} Once scoring is open, the senior
            leaders on the panel are emailed a link to their scoring sheets and can score any team, even
            before it has pitched. The rubric is locked from then on.
          </p>
          <Form method="post" {...formProps(form)}>
            <input type="hidden" name="version" value={version} />
            <ButtonGroup>
              <Button variant="warning">
                {reopening ? "Yes, reopen scoring now" : "Yes, open scoring now"}
              </Button>
              <Link className="govuk-link" to={home}>
                No, go back
              </Link>
            </ButtonGroup>
          </Form>
        </>
      )}
    </FormPage>
  );
}
