import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { actorOf, idParam, notFound, requireSitePermission } from "~/auth/guards.server";
import { redirectWithBanner } from "~/auth/session.server";
import { retryMessage } from "~/commands/outbox.server";
import { run } from "~/commands/runner.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FormErrorSummary } from "~/components/FormErrorSummary";
import { formProps } from "~/components/form-props";
import { BackLink, Button, SummaryList } from "~/components/govuk";
import { MessageStatusTag } from "~/components/MessageStatusTag";
import { NotSendingBanner } from "~/components/NotSendingBanner";
import { PageHeading } from "~/components/PageHeading";
import { formatUkDateTime } from "~/domain/calendar";
import { textWithLinks } from "~/domain/mail/preview";
import { MESSAGE_KINDS } from "~/domain/vocabulary";
import { SendAgainSchema } from "~/forms/outbox";
import { invalidForm, refused } from "~/forms/reply.server";
import { getMessage } from "~/models/outbox.server";
import { sendsEmail } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta<typeof loader>(({ data }) => data?.message.subject ?? "Email");
export const ErrorBoundary = RouteErrorBoundary;

async function messageOf(context: LoaderFunctionArgs["context"], messageId: string | undefined) {
  const message = await getMessage(context.db, idParam(messageId, "Email"));
  if (!message) notFound("Email");
  return message;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireSitePermission(context, request, "outbox:manage");
  const message = await messageOf(context, params.messageId);
  return {
    sendsEmail: sendsEmail(),
    message: {
      id: message.id,
      kind: message.kind,
      personId: message.person_id,
      toName: message.to_name,
      toAddress: message.to_address,
      subject: message.subject,
      text: message.text_body,
      status: message.status,
      attempts: message.attempts,
      createdAt: message.created_at,
      sentAt: message.sent_at,
      nextAttemptAt: message.status === "pending" ? message.next_attempt_at : null,
      lastError: message.last_error,
      response: message.smtp_response,
      attachments: (JSON.parse(message.attachments) as Array<{ filename: string }>).map((a) => a.filename),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireSitePermission(context, request, "outbox:manage");
  const message = await messageOf(context, params.messageId);
  const submission = parseWithZod(await request.formData(), { schema: SendAgainSchema });
  if (submission.status !== "success") return invalidForm(submission);
  const outcome = await run(context.db, actorOf(context, user), retryMessage, { messageId: message.id });
  if (!outcome.ok) return refused(submission, outcome);
  return redirectWithBanner(
    context,
    request,
    paths.outboxMessage(message.id).home(),
    `The email “${outcome.subject}” to ${outcome.to} will be sent again`,
  );
}

/** The text part as sent, its web addresses made links. */
function TextPart({ text }: { text: string }) {
  return (
    <pre className="tandem-mail-text">
      {textWithLinks(text).map((part, i) =>
        "link" in part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
          <a key={i} className="govuk-link" href={part.link} rel="noreferrer noopener" target="_blank">
            {part.link}
          </a>
        ) : (
          part.text
        ),
      )}
    </pre>
  );
}

export default function OutboxMessage() {
  const { sendsEmail, message } = useLoaderData<typeof loader>();
  const [form] = useForm({ lastResult: useActionData<typeof action>() });
  const canSendAgain = message.status === "failed" || message.status === "pending";
  return (
    <>
      <BackLink href={paths.outbox()}>Back to the outbox</BackLink>
      {sendsEmail || message.status !== "pending" ? null : <NotSendingBanner />}
      <FormErrorSummary form={form} />
      <PageHeading caption="Email">{message.subject}</PageHeading>
      <SummaryList
        rows={[
          {
            key: "To",
            value: (
              <>
                {message.personId ? (
                  <Link className="govuk-link" to={paths.person(message.personId).home()}>
                    {message.toName}
                  </Link>
                ) : (
                  message.toName
                )}
                {` (${message.toAddress})`}
              </>
            ),
          },
          { key: "Kind", value: MESSAGE_KINDS[message.kind] },
          { key: "Status", value: <MessageStatusTag status={message.status} /> },
          { key: "Attempts", value: message.attempts },
          { key: "Created", value: formatUkDateTime(message.createdAt) },
          ...(message.sentAt ? [{ key: "Sent", value: formatUkDateTime(message.sentAt) }] : []),
          ...(message.nextAttemptAt && message.attempts > 0
            ? [{ key: "Next attempt", value: formatUkDateTime(message.nextAttemptAt) }]
            : []),
          { key: "Last error", value: message.lastError ?? "None" },
          { key: "The mail server's answer", value: message.response ?? "None yet" },
          ...(message.attachments.length
            ? [{ key: "Attachments", value: message.attachments.join(", ") }]
            : []),
        ]}
      />
      {canSendAgain ? (
        <Form method="post" {...formProps(form)}>
          <p className="govuk-body">
            {message.status === "failed"
              ? "This email failed. Check the last error, then send it again if the problem is fixed."
              : "This email is waiting to be sent. Send it again to try now rather than at the next attempt."}
          </p>
          <Button name="intent" value="send-again">
            Send again
          </Button>
        </Form>
      ) : null}
      <h2 className="govuk-heading-m">Text part</h2>
      <TextPart text={message.text} />
      <h2 className="govuk-heading-m">HTML part</h2>
      <p className="govuk-body">
        As an email program shows it. Scripts are not run;{" "}
        <a
          className="govuk-link"
          href={paths.outboxMessage(message.id).html()}
          target="_blank"
          rel="noreferrer"
        >
          open the HTML part on its own (opens in a new tab)
        </a>
        .
      </p>
      <iframe
        className="tandem-mail-frame"
        title={`The HTML part of the email “${message.subject}”`}
        src={paths.outboxMessage(message.id).html()}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
      />
    </>
  );
}
