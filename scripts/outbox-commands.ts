// `npm run tandem -- outbox [--status <status>] [--limit <n>]` lists the outbox, newest first; `… outbox retry <id>`
// queues a failed or waiting email to be sent again, through the same command as the Outbox page's button.
import { parseArgs } from "node:util";
import { retryMessage } from "../app/commands/outbox.server";
import { run, SYSTEM } from "../app/commands/runner.server";
import { MESSAGE_STATUSES, type MessageStatus } from "../app/domain/vocabulary";
import { countMessages, listMessages } from "../app/models/outbox.server";
import { openDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

type Command = { summary: string; usage: string; run: (args: string[]) => Promise<number> };

const USAGE = "outbox [--status pending|sending|sent|failed] [--limit <n>] | outbox retry <id>";

function isStatus(value: string): value is MessageStatus {
  return Object.hasOwn(MESSAGE_STATUSES, value);
}

/** Columns padded to their widest value; the last one (the error) is left as it is. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "))
    .join("\n")
    .trimEnd();
}

async function list(args: string[]): Promise<number> {
  let values: { status?: string; limit?: string };
  try {
    ({ values } = parseArgs({ args, options: { status: { type: "string" }, limit: { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run tandem -- ${USAGE}`);
    return 2;
  }
  if (values.status !== undefined && !isStatus(values.status)) {
    console.error(`--status must be one of ${Object.keys(MESSAGE_STATUSES).join(", ")}`);
    return 2;
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    console.error("--limit must be a whole number of emails, like 50");
    return 2;
  }
  const db = openDatabase();
  await migrateToLatest(db);
  const status = values.status as MessageStatus | undefined;
  const [counts, messages] = await Promise.all([
    countMessages(db),
    listMessages(db, { status, limit, offset: 0 }),
  ]);
  const summary = Object.entries(counts)
    .map(([s, n]) => `${n} ${MESSAGE_STATUSES[s as MessageStatus].toLowerCase()}`)
    .join(", ");
  console.log(summary ? `Outbox: ${summary}.` : "The outbox is empty.");
  if (messages.length === 0) {
    if (summary) console.log(`No ${status ? `${MESSAGE_STATUSES[status].toLowerCase()} ` : ""}emails.`);
    return 0;
  }
  console.log(
    table([
      ["ID", "STATUS", "KIND", "TO", "SUBJECT", "ATTEMPTS", "LAST ERROR"],
      ...messages.map((m) => [
        String(m.id),
        m.status,
        m.kind,
        m.to_address,
        m.subject,
        String(m.attempts),
        m.last_error ?? "",
      ]),
    ]),
  );
  return 0;
}

async function retry(args: string[]): Promise<number> {
  const [id, ...extra] = args;
  if (!id || extra.length || !/^[1-9]\d{0,9}$/.test(id)) {
    console.error("Usage: npm run tandem -- outbox retry <id>  (the id from `npm run tandem -- outbox`)");
    return 2;
  }
  const db = openDatabase();
  await migrateToLatest(db);
  const outcome = await run(db, SYSTEM, retryMessage, { messageId: Number(id), via: "cli" });
  if (!outcome.ok) {
    const reason = "invalid" in outcome ? Object.values(outcome.invalid).flat()[0] : "It was refused";
    console.error(`Email ${id}: ${reason}.`);
    return 1;
  }
  console.log(
    `Email ${id} (“${outcome.subject}” to ${outcome.to}) is queued to be sent again. ` +
      "A running Tandem server with SMTP_URL set sends it within a few seconds.",
  );
  return 0;
}

export const outboxCommands: Record<string, Command> = {
  outbox: {
    summary: "List the emails in the outbox, newest first; `outbox retry <id>` sends a failed one again",
    usage: USAGE,
    run: (args) => (args[0] === "retry" ? retry(args.slice(1)) : list(args)),
  },
};
