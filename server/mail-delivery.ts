// The delivery worker: sends the outbox's messages over SMTP (SMTP_URL, a pooled Nodemailer transport) from inside
// the server process. It looks at the outbox every few seconds and whenever a command of this process commits a
// message. A message the server accepts is marked sent at once and never sent again; a temporary refusal (4xx, the
// server unreachable) is tried again with growing waits for up to 24 hours; a permanent one (5xx, a bad address)
// is marked failed with the server's reason, for the Outbox page.
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { Attachment } from "../app/domain/mail/message";
import {
  type ClaimedMessage,
  claimDueMessages,
  markFailed,
  markRetry,
  markSent,
  outboxNudge,
} from "../app/models/outbox.server";
import { appUrl } from "../app/utils/env.server";
import type { Db } from "../db/connection";

export type MailDelivery = {
  /** Sends what is due now; resolves when this round is done (tests and the command line use it). */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

type Options = {
  smtpUrl: string;
  from?: string;
  /** How often to look at the outbox for messages other processes wrote, or retries that came due. */
  pollMs?: number;
  /** The first wait after a temporary failure; each next wait doubles, to at most an hour. */
  retryBaseMs?: number;
  /** How long to keep trying a message that fails temporarily. */
  giveUpAfterMs?: number;
};

const BATCH = 20;
/** A claim outlasts the transport's own time-outs, so no message is claimed twice while it is being sent. */
const LEASE_MS = 5 * 60_000;
const HOUR = 60 * 60_000;

/** The sender's address: MAIL_FROM, or no-reply at APP_URL's host. */
export function defaultFrom(): string {
  return process.env.MAIL_FROM || `Tandem <no-reply@${new URL(appUrl()).hostname}>`;
}

export function startMailDelivery(db: Db, options: Options): MailDelivery {
  const owner = `${process.pid}-${randomUUID()}`;
  const url = new URL(options.smtpUrl);
  url.searchParams.set("pool", "true");
  const transport: Transporter = nodemailer.createTransport(url.toString(), {
    from: options.from ?? defaultFrom(),
  });
  const retryBase = options.retryBaseMs ?? 30_000;
  const giveUpAfter = options.giveUpAfterMs ?? 24 * HOUR;
  let round: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function deliver(message: ClaimedMessage) {
    try {
      const info = await transport.sendMail({
        to: { name: message.to_name, address: message.to_address },
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
        headers: JSON.parse(message.headers) as Record<string, string>,
        attachments: (JSON.parse(message.attachments) as Attachment[]).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      await markSent(db, message.id, owner, String(info.response ?? "accepted"));
    } catch (error) {
      const reason = describe(error);
      const now = Date.now();
      const wait = Math.min(retryBase * 2 ** (message.attempts - 1), HOUR);
      const next = now + wait * (0.9 + Math.random() * 0.2);
      if (isPermanent(error)) await markFailed(db, message.id, owner, reason);
      else if (next - Date.parse(message.queued_at ?? message.created_at) > giveUpAfter)
        await markFailed(db, message.id, owner, `Gave up after trying for 24 hours: ${reason}`);
      else await markRetry(db, message.id, owner, reason, new Date(next).toISOString());
    }
  }

  async function sendDue() {
    do {
      again = false;
      const now = Date.now();
      const batch = await claimDueMessages(
        db,
        owner,
        BATCH,
        new Date(now).toISOString(),
        new Date(now + LEASE_MS).toISOString(),
      );
      // The pooled transport sends over several connections at once; each message is marked on its own.
      await Promise.all(batch.map(deliver));
      if (batch.length === BATCH) again = true;
    } while (again && !stopped);
  }

  function flush(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (round) {
      again = true;
      return round;
    }
    round = sendDue()
      .catch((error) =>
        console.error(JSON.stringify({ level: "error", event: "mail-delivery", error: describe(error) })),
      )
      .finally(() => {
        round = null;
      });
    return round;
  }

  const onNudge = () => void flush();
  outboxNudge.on("enqueued", onNudge);
  const timer = setInterval(onNudge, options.pollMs ?? 5_000);
  timer.unref();
  void flush();

  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      outboxNudge.off("enqueued", onNudge);
      await round;
      transport.close();
    },
  };
}

/** SMTP 5xx, or an address the server refused for good. Anything else (4xx, no connection) may pass later. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500;
}

function describe(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { response?: string; message?: string; code?: string };
    return (e.response ?? e.message ?? e.code ?? String(error)).slice(0, 500);
  }
  return String(error);
}
