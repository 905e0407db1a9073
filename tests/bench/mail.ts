// `npm run bench:mail` (and the end of `npm run bench`): 2,000 emails through the outbox, for each database
// configuration in BENCH_DATABASES. They are enqueued as commands would (transactions of 100, each nudging the
// worker) while the delivery worker (server/mail-delivery.ts) sends them to a local SMTP server (tests/setup/smtp.ts,
// which parses every message, in this same process). Prints messages per second, from the first enqueue to the
// last acceptance, and the p50 and p99 time from enqueue to acceptance (the outbox's created_at to its sent_at,
// marked as the server accepts); on `postgres-2`, two workers with a connection pool each share the outbox.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { invitationMail } from "~/domain/mail/templates";
import { enqueueMessages, outboxNudge } from "~/models/outbox.server";
import { openDatabase } from "../../db/connection";
import { type MailDelivery, startMailDelivery } from "../../server/mail-delivery";
import { startSmtpServer } from "../setup/smtp";
import {
  type BenchKind,
  benchDatabase,
  benchKinds,
  closeBenchDatabases,
  PROCESSES,
  Unavailable,
} from "./databases";

const MESSAGES = 2_000;
const BATCH = 100;
const LABELS: Record<BenchKind, string> = {
  sqlite: "SQLite, one worker",
  postgres: "PostgreSQL, one worker",
  "postgres-2": "PostgreSQL, two workers",
};

type MailFigures = { perSecond: number; p50: number; p99: number; seconds: number; duplicates: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** One invitation as the app renders it (about 3 KB of text and HTML). */
function message(i: number) {
  const rendered = invitationMail({
    name: `Bench Person ${i}`,
    invitedBy: "Cora Coordinator",
    cohort: "Tech Connect 2027",
    role: "participant",
    link: `https://tandem.example/set-password/${"x".repeat(43)}${i}`,
    expiresAt: "2027-01-11T09:00:00.000Z",
  });
  return {
    ...rendered,
    subject: `${rendered.subject} #${i}`,
    kind: "invitation" as const,
    to: { personId: null, address: `bench${i}@example.test`, name: `Bench Person ${i}` },
  };
}

async function measureMail(kind: BenchKind): Promise<MailFigures> {
  const database = await benchDatabase(kind);
  const dbs = Array.from({ length: PROCESSES[kind] }, () => openDatabase(database.url));
  const smtp = await startSmtpServer();
  const workers: MailDelivery[] = [];
  try {
    for (const db of dbs) workers.push(startMailDelivery(db, { smtpUrl: smtp.url, pollMs: 200 }));
    const t0 = performance.now();
    for (let from = 0; from < MESSAGES; from += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, MESSAGES - from) }, (_, i) => message(from + i));
      await dbs[0]!.transaction().execute((tx) => enqueueMessages(tx, batch));
      outboxNudge.emit("enqueued");
    }
    await smtp.waitFor(MESSAGES, 600_000);
    const seconds = (performance.now() - t0) / 1000;
    const rows = await dbs[0]!.selectFrom("outbox").select(["created_at", "sent_at"]).execute();
    const latencies = rows
      .filter((r) => r.sent_at)
      .map((r) => Date.parse(r.sent_at!) - Date.parse(r.created_at))
      .sort((a, b) => a - b);
    return {
      perSecond: MESSAGES / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      seconds,
      duplicates: smtp.messages.length - new Set(smtp.messages.map((m) => m.subject)).size,
    };
  } finally {
    for (const worker of workers) await worker.stop();
    await smtp.stop();
    for (const db of dbs) await db.destroy();
    await database.drop();
  }
}

/** Measures and prints the mail figures for each configuration; false when a run broke. */
export async function mailBench(kinds: BenchKind[]): Promise<boolean> {
  let ok = true;
  console.log(
    `\nMail: ${MESSAGES.toLocaleString("en-GB")} messages enqueued in transactions of ${BATCH}, delivered to a local SMTP server`,
  );
  const header = [
    "configuration".padEnd(26),
    "msg/s".padStart(7),
    "p50 ms".padStart(8),
    "p99 ms".padStart(8),
    "total s".padStart(8),
    "duplicates".padStart(11),
  ].join(" ");
  console.log(header);
  console.log("-".repeat(header.length));
  for (const kind of kinds) {
    try {
      const f = await measureMail(kind);
      console.log(
        [
          LABELS[kind].padEnd(26),
          f.perSecond.toFixed(0).padStart(7),
          f.p50.toFixed(0).padStart(8),
          f.p99.toFixed(0).padStart(8),
          f.seconds.toFixed(1).padStart(8),
          String(f.duplicates).padStart(11),
        ].join(" "),
      );
      if (f.duplicates > 0) ok = false;
    } catch (error) {
      if (error instanceof Unavailable) {
        console.log(`${LABELS[kind].padEnd(26)} skipped — ${error.message}`);
        continue;
      }
      ok = false;
      console.error(`${LABELS[kind]}: the mail run failed`);
      console.error(error);
    }
  }
  console.log(
    "  p50/p99: enqueue to acceptance by the SMTP server, of every message (a backlog: later ones wait)",
  );
  return ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (!(await mailBench(benchKinds()))) process.exitCode = 1;
  } finally {
    await closeBenchDatabases();
  }
}
