// Naming one of your passkeys: straight after adding it (with a default name), or later to change the name.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { z } from "zod";
import { actorOf, recordOr404, requireUser } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { renamePasskey } from "~/commands/passkeys.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, Input, NotificationBanner } from "~/components/govuk";
import { PasskeyNameSchema } from "~/forms/passkeys";
import { invalidForm, refused } from "~/forms/reply.server";
import { getPasskeyOf } from "~/models/passkey.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Name your passkey");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  // Only the person's own passkeys are found: anyone else's id is "not found".
  const passkey = await recordOr404(
    context,
    (db, id) => getPasskeyOf(db, user.personId, id),
    params.passkeyId,
    "Passkey",
  );
  return { passkey: { id: passkey.id, name: passkey.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const passkey = await recordOr404(
    context,
    (db, id) => getPasskeyOf(db, user.personId, id),
    params.passkeyId,
    "Passkey",
  );
  const submission = parseWithZod(await request.formData(), { schema: PasskeyNameSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const outcome = await run(context.db, actorOf(context, user), renamePasskey, {
    personId: user.personId,
    passkeyId: passkey.id,
    name: submission.value.name,
  });
  if (!outcome.ok) return refused(submission, outcome);
  return redirectWithBanner(context, request, paths.passkeys(), `Your passkey is called ${outcome.name}`);
}

export default function NamePasskey() {
  const { passkey } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof PasskeyNameSchema>>({
    lastResult: useActionData<typeof action>(),
    defaultValue: { name: passkey.name },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={paths.passkeys()}>Back to your passkeys</BackLink>
        {params.get("added") ? (
          <NotificationBanner type="success" title="Success">
            Your passkey is added. You can sign in with it now.
          </NotificationBanner>
        ) : null}
        <FormErrorSummary form={form} />
        <Form method="post" {...formProps(form)}>
          <Input
            field={fields.name}
            label="Name your passkey"
            labelIsPageHeading
            hint="So you can tell your passkeys apart, for example “Work laptop” or “Phone”."
            autoComplete="off"
            spellCheck={false}
          />
          <Button>Save name</Button>
        </Form>
      </div>
    </div>
  );
}
