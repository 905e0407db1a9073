import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import type { z } from "zod";
import { requireRecentVerification, requireSitePermission } from "~/auth/guards.server";
import { appointAdministratorByInvitation } from "~/commands/invitations.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormPage } from "~/components/FormPage";
import { formProps } from "~/components/form-props";
import { Button, Input, WarningText } from "~/components/govuk";
import { OnceOnly } from "~/components/OnceOnly";
import { AppointAdministratorSchema } from "~/forms/administrators";
import { submitForm } from "~/forms/submit.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Appoint a system administrator");
export const ErrorBoundary = RouteErrorBoundary;

// Appointing an administrator is one of the dangerous actions: it asks for a second factor within 10 minutes.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireSitePermission(context, request, "admins:manage");
  requireRecentVerification(request, user);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireSitePermission(context, request, "admins:manage");
  requireRecentVerification(request, user);
  return submitForm(context, request, user, {
    schema: AppointAdministratorSchema,
    // The same form sent twice (a double click, a retried request) appoints the person once.
    once: true,
    command: appointAdministratorByInvitation,
    input: (value) => value,
    done: ({ name, invited }) => ({
      to: paths.administrators(),
      banner: invited
        ? `${name} is now a system administrator. Tandem emailed them a link to set their password, valid for 7 days.`
        : `${name} is now a system administrator and can sign in with their account.`,
    }),
  });
}

export default function AppointAdministrator() {
  const [form, fields] = useForm<z.input<typeof AppointAdministratorSchema>>({
    lastResult: useActionData<typeof action>(),
  });
  return (
    <FormPage
      back={{ href: paths.administrators(), text: "Back to system administrators" }}
      form={form}
      caption="Tandem"
      heading="Appoint a system administrator"
    >
      <WarningText>
        An administrator can see and change everything in Tandem, including everyone's personal details.
      </WarningText>
      <Form method="post" {...formProps(form)}>
        <OnceOnly />
        <Input field={fields.name} label="Full name" autoComplete="off" spellCheck={false} />
        <Input
          field={fields.email}
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          hint="Their work email address. If they are new to Tandem, they get an email to set a password."
        />
        <Button>Appoint administrator</Button>
      </Form>
    </FormPage>
  );
}
