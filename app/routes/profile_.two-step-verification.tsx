// Two-step verification in the profile: whether it is set up and required, setting it up, new recovery codes, and
// turning it off (only for someone who need not use it). Changes need a current code.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, requireUser } from "~/auth/guards.server";
import { startEnrolmentWhileSignedIn } from "~/auth/second-factor.server";
import { redirectWithBanner } from "~/auth/session.server";
import { run } from "~/commands/runner.server";
import { renewRecoveryCodes, turnOffSecondFactor } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, SummaryList } from "~/components/govuk";
import { RecoveryCodes } from "~/components/SecondFactor";
import { formatUkDateTime } from "~/domain/calendar";
import { refused } from "~/forms/reply.server";
import { TwoStepProfileSchema } from "~/forms/second-factor";
import { codeRefusal } from "~/forms/second-factor-reply.server";
import { setReveal, takeReveal } from "~/models/account.server";
import {
  countUnusedRecoveryCodes,
  getSecondFactor,
  secondFactorRequired,
} from "~/models/second-factor.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";
import { openSecret, sealSecret } from "~/utils/secret-box.server";

export const meta = pageMeta("Two-step verification");
export const ErrorBoundary = RouteErrorBoundary;

/** New recovery codes wait, sealed, in the session's one-time reveal until this page shows them. */
function revealedCodes(revealed: string | null): string[] | null {
  try {
    const parsed = revealed ? (JSON.parse(revealed) as { kind?: string; sealed?: string }) : null;
    return parsed?.kind === "recovery-codes" && parsed.sealed
      ? (JSON.parse(openSecret(parsed.sealed)) as string[])
      : null;
  } catch {
    return null;
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const [factor, required, codesLeft] = await Promise.all([
    getSecondFactor(context.db, user.personId),
    secondFactorRequired(context.db, user.personId),
    countUnusedRecoveryCodes(context.db, user.personId),
  ]);
  const newCodes = revealedCodes(await takeReveal(context.db, user.sessionId));
  return { enrolledAt: factor?.enrolled_at ?? null, required, codesLeft, newCodes };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const submission = parseWithZod(await request.formData(), { schema: TwoStepProfileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  if (value.intent === "set-up")
    return startEnrolmentWhileSignedIn(context, user.personId, paths.twoStepVerification());
  if (value.intent === "new-codes") {
    const outcome = await run(context.db, actorOf(context, user), renewRecoveryCodes, {
      personId: user.personId,
      code: value.renewCode,
    });
    if (!outcome.ok) return refused(submission, outcome);
    if (outcome.result.status !== "accepted") return codeRefusal(submission, outcome.result, "renewCode");
    if (outcome.codes) {
      const sealed = sealSecret(JSON.stringify(outcome.codes));
      await setReveal(context.db, user.sessionId, JSON.stringify({ kind: "recovery-codes", sealed }));
    }
    return redirectWithBanner(
      context,
      request,
      paths.twoStepVerification(),
      "You have 10 new recovery codes. The earlier ones no longer work.",
    );
  }
  const outcome = await run(context.db, actorOf(context, user), turnOffSecondFactor, {
    personId: user.personId,
    code: value.offCode,
  });
  if (!outcome.ok) return refused(submission, outcome);
  if (outcome.result.status !== "accepted") return codeRefusal(submission, outcome.result, "offCode");
  return redirectWithBanner(
    context,
    request,
    paths.twoStepVerification(),
    "Two-step verification is turned off",
  );
}

export default function TwoStepVerification() {
  const { enrolledAt, required, codesLeft, newCodes } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof TwoStepProfileSchema>>({
    lastResult: useActionData<typeof action>(),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.profile()}>Back to your profile</BackLink>
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Two-step verification</h1>
        <p className="govuk-body">
          With two-step verification you sign in with your password and a code from an authenticator app on
          your phone, so someone who learns your password still cannot get in.
        </p>
        <SummaryList
          rows={[
            { key: "Status", value: enrolledAt ? `Set up on ${formatUkDateTime(enrolledAt)}` : "Not set up" },
            {
              key: "Required",
              value: required ? "Yes: your role or your programme requires it" : "No: it is your choice",
            },
            ...(enrolledAt ? [{ key: "Recovery codes left", value: String(codesLeft) }] : []),
          ]}
        />
        {newCodes ? (
          <>
            <h2 className="govuk-heading-m">Your new recovery codes</h2>
            <RecoveryCodes codes={newCodes} />
          </>
        ) : null}
        {enrolledAt ? (
          <>
            <h2 className="govuk-heading-m">Make new recovery codes</h2>
            <p className="govuk-body">Your earlier recovery codes stop working when you make new ones.</p>
            <Form method="post" {...formProps(form)}>
              <input type="hidden" name="intent" value="new-codes" />
              <Input
                field={fields.renewCode}
                label="Code from your authenticator app"
                inputMode="numeric"
                autoComplete="one-time-code"
                width="5"
              />
              <Button variant="secondary">Make new recovery codes</Button>
            </Form>
            {required ? null : (
              <>
                <h2 className="govuk-heading-m">Turn off two-step verification</h2>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="turn-off" />
                  <Input
                    field={fields.offCode}
                    label="Code from your authenticator app, to turn it off"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    width="5"
                  />
                  <Button variant="warning">Turn off two-step verification</Button>
                </Form>
              </>
            )}
          </>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="set-up" />
            <Button>Set up two-step verification</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
