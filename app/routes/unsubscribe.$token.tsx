// The link at the foot of an email people can turn off: no sign-in, the signed token is the key. GET asks first (a
// link checker or a mail scanner opening the link turns nothing off); POST turns the kind off, from this page's
// button or from a mail program's own "Unsubscribe" button (RFC 8058: a POST of `List-Unsubscribe=One-Click`,
// without cookies, which server/app.ts lets through its cross-site guard for this route only). The POST answers
// with the page itself rather than a redirect, because RFC 8058 mail programs do not follow one; turning off what
// is already off changes nothing, so sending it again is harmless.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { clientAddress } from "~/auth/guards.server";
import { readUnsubscribeToken } from "~/auth/unsubscribe.server";
import { unsubscribe } from "~/commands/email-preferences.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, Panel } from "~/components/govuk";
import { MESSAGE_KINDS } from "~/domain/vocabulary";
import { optOutsOf } from "~/models/email-preferences.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

const TITLES = {
  invalid: "This link does not work",
  ask: "Stop these emails?",
  already: "These emails are already stopped",
  stopped: "Emails stopped",
} as const;

type Answer = { state: keyof typeof TITLES; kind: string | null };

export const meta = pageMeta<typeof loader>(({ data }) => TITLES[data?.state ?? "invalid"]);
export const ErrorBoundary = RouteErrorBoundary;

const notValid = () => data<Answer>({ state: "invalid", kind: null }, { status: 404 });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = readUnsubscribeToken(params.token ?? "");
  if (!token) return notValid();
  const off = (await optOutsOf(context.db, token.personId)).includes(token.kind);
  return data<Answer>({ state: off ? "already" : "ask", kind: MESSAGE_KINDS[token.kind] });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = readUnsubscribeToken(params.token ?? "");
  if (!token) return notValid();
  // A mail program may send multipart: broken multipart is not the one-click body either.
  const form = await request.formData().catch(() => null);
  if (form?.get("List-Unsubscribe") !== "One-Click")
    return data<Answer>({ state: "ask", kind: MESSAGE_KINDS[token.kind] }, { status: 400 });
  const outcome = await run(
    context.db,
    { personId: token.personId, address: clientAddress(context) },
    unsubscribe,
    token,
  );
  if (!outcome.ok) return notValid();
  return data<Answer>({ state: "stopped", kind: MESSAGE_KINDS[token.kind] });
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const { state, kind } = useActionData<typeof action>() ?? loaded;
  const preferences = (
    <p className="govuk-body">
      You can choose which emails Tandem sends you in{" "}
      <Link className="govuk-link" to={paths.profile()}>
        your profile
      </Link>
      . Invitations and password resets are always sent.
    </p>
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {state === "invalid" ? (
          <>
            <h1 className="govuk-heading-l">{TITLES.invalid}</h1>
            <p className="govuk-body">
              Nothing has changed. Check you opened the whole link from the email: if the email was forwarded
              or the link was cut short, it will not work.
            </p>
            {preferences}
          </>
        ) : state === "stopped" ? (
          <>
            <Panel title={TITLES.stopped}>{`You will no longer get emails about “${kind}”`}</Panel>
            {preferences}
          </>
        ) : state === "already" ? (
          <>
            <h1 className="govuk-heading-l">{TITLES.already}</h1>
            <p className="govuk-body">{`You do not get emails about “${kind}” any more.`}</p>
            {preferences}
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{`Stop emails about “${kind}”?`}</h1>
            <p className="govuk-body">
              Tandem will stop sending you these emails. Other emails, and everything in Tandem itself, stay
              as they are.
            </p>
            <Form method="post">
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <Button>Stop these emails</Button>
            </Form>
            {preferences}
          </>
        )}
      </div>
    </div>
  );
}
