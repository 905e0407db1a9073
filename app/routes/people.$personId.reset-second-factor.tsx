// An administrator resets someone's two-step verification (they lost their phone and their recovery codes): the
// person is signed out, told by email, and sets it up again at their next sign-in. A dangerous action: it needs a
// recent second factor of the administrator's own.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, requireRecentVerification } from "~/auth/guards.server";
import { requirePersonAdmin } from "~/auth/personal-data-access.server";
import { redirectWithBanner } from "~/auth/session.server";
import { run } from "~/commands/runner.server";
import { resetSecondFactor } from "~/commands/second-factor.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, InsetText, Textarea, WarningText } from "~/components/govuk";
import { formatUkDateTime } from "~/domain/calendar";
import { invalidForm, refused } from "~/forms/reply.server";
import { ResetSecondFactorSchema } from "~/forms/second-factor";
import { countPasskeys } from "~/models/passkey.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(
  ({ data }) => `Reset two-step verification of ${data?.person.name ?? "person"}`,
);
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, person } = await requirePersonAdmin(context, request, params.personId);
  requireRecentVerification(request, user);
  const [factor, passkeys] = await Promise.all([
    getSecondFactor(context.db, person.id),
    countPasskeys(context.db, person.id),
  ]);
  return { person, enrolledAt: factor?.enrolled_at ?? null, passkeys };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, person } = await requirePersonAdmin(context, request, params.personId);
  requireRecentVerification(request, user);
  const submission = parseWithZod(await request.formData(), { schema: ResetSecondFactorSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const outcome = await run(context.db, actorOf(context, user), resetSecondFactor, {
    personId: person.id,
    reason: submission.value.reason,
  });
  if (!outcome.ok) return refused(submission, outcome);
  return redirectWithBanner(
    context,
    request,
    paths.person(person.id).home(),
    `The two-step verification of ${person.name} is reset: they are signed out and have been sent an email`,
  );
}

export default function ResetSecondFactor() {
  const { person, enrolledAt, passkeys } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof ResetSecondFactorSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.person(person.id).home()}>Back to {person.name}</BackLink>
        <FormErrorSummary form={form} />
        <h1 className="govuk-heading-l">Reset the two-step verification of {person.name}</h1>
        {enrolledAt || passkeys > 0 ? (
          <>
            <p className="govuk-body">
              {enrolledAt
                ? `They set it up on ${formatUkDateTime(enrolledAt)}. `
                : "They have no authenticator app set up. "}
              Resetting it removes their authenticator app and their recovery codes
              {passkeys > 0 ? ` and ${passkeys === 1 ? "their passkey" : `their ${passkeys} passkeys`}` : ""},
              signs them out everywhere and emails them to say so. If their role requires two-step
              verification, they set it up again the next time they sign in.
            </p>
            <WarningText>
              Only reset it when you are sure the request comes from {person.name}: check with them by phone
              or in person, not by replying to an email.
            </WarningText>
            <Form method="post" {...formProps(form)}>
              <Textarea
                field={fields.reason}
                label="Why are you resetting it?"
                hint="For example: lost their phone, confirmed by phone call on 3 December. The audit log keeps this."
                rows={3}
              />
              <Button variant="warning">Reset two-step verification</Button>
            </Form>
          </>
        ) : (
          <InsetText>
            {person.name} has no authenticator app and no passkey: there is nothing to reset.
          </InsetText>
        )}
      </div>
    </div>
  );
}
