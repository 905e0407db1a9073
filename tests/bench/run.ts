// `npm run bench`: the built server under load, on a department-scale dataset, for each database
// configuration (BENCH_DATABASES, default sqlite,postgres,postgres-2). Per route: requests per second, p50 and
// p99 latency, errors, SQL queries per request at 1 and at 30 cohorts, and throughput as a ratio of a static
// page's (the framework's own floor) in the same run; then whether the budgets are met, the outbox's delivery
// rate (tests/bench/mail.ts) and the cost of a password hash. Prints figures; fails only when the run itself breaks.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { hashPassword } from "~/auth/passwords.server";
import { openDatabase } from "../../db/connection";
import {
  type BenchKind,
  benchDatabase,
  benchKinds,
  closeBenchDatabases,
  PROCESSES,
  Unavailable,
} from "./databases";
import { generateDataset } from "./dataset";
import { drive, type Figures, type Load, RequestLogTap } from "./load";
import { mailBench } from "./mail";
import { benchRoutes } from "./routes";
import { type BenchServer, startBenchServer } from "./server";

function setting(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

const SECONDS = setting("BENCH_SECONDS", 5, 1, 60);
const CONNECTIONS = setting("BENCH_CONNECTIONS", 20, 1, 200);
const COHORTS = setting("BENCH_COHORTS", 30, 2, 100);
const KINDS = benchKinds();

const P99_BUDGET_MS = 100;
/** A short run at 1 cohort, only for the queries each request runs. */
const SMALL_LOAD: Load = { connections: 4, amount: 40 };
const WARM_UP: Load = { connections: CONNECTIONS, seconds: 1 };
const LABELS: Record<BenchKind, string> = {
  sqlite: "SQLite, one process",
  postgres: "PostgreSQL, one process",
  "postgres-2": "PostgreSQL, two processes (connections split between them)",
};

/** The machine's load while a run was measured: other work on it skews every figure but the ratios less. */
type Measured = { figures: Figures[]; dataset: string; load: string; floorAgain: Figures | null };

/** Fills a fresh database with `cohorts` cohorts, serves it and drives every route under `load`. */
async function measure(kind: BenchKind, cohorts: number, load: Load, warmUp: boolean): Promise<Measured> {
  const database = await benchDatabase(kind);
  const db = openDatabase(database.url);
  const servers: BenchServer[] = [];
  try {
    const t0 = performance.now();
    const data = await generateDataset(db, { cohorts });
    const built = (performance.now() - t0) / 1000;
    const r = data.rows;
    const dataset = `${cohorts} cohorts: ${n(r.people)} people, ${n(r.memberships)} memberships, ${n(r.teams)} teams, ${n(r.mentoring_sessions)} mentoring sessions, ${n(r.session_attendees)} attendees, ${n(r.attendance)} visit attendances, ${n(r.scoring_sheets)} scoring sheets, ${n(r.sheet_scores)} sheet scores (generated in ${built.toFixed(1)} s)`;
    const routes = await benchRoutes(db, data);
    const tap = new RequestLogTap();
    for (let i = 0; i < PROCESSES[kind]; i++) servers.push(await startBenchServer(database.url, tap.handle));
    if (warmUp) for (const route of routes) await drive(route, servers, WARM_UP, tap);
    const figures: Figures[] = [];
    const before = loadavg()[0]!;
    for (const route of routes) figures.push(await drive(route, servers, load, tap));
    // The floor again at the end: other work on the machine moves it, and the ratios divide by it.
    const floorAgain = warmUp ? await drive(routes[0]!, servers, load, tap) : null;
    return { figures, dataset, floorAgain, load: `${before.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}` };
  } finally {
    for (const server of servers) await server.stop();
    await db.destroy();
    await database.drop();
  }
}

const n = (value: number | undefined) => (value ?? 0).toLocaleString("en-GB");
const fixed = (value: number | null, digits: number) => (value === null ? "–" : value.toFixed(digits));

function report(kind: BenchKind, small: Figures[], large: Measured) {
  const floors = [large.figures[0]!.rps, ...(large.floorAgain ? [large.floorAgain.rps] : [])];
  const floor = floors.reduce((a, b) => a + b, 0) / floors.length;
  console.log(
    `\n${LABELS[kind]}: ${CONNECTIONS} connections, ${SECONDS} s per route (load average ${large.load} on ${cpus().length} CPUs)`,
  );
  console.log(`  dataset ${large.dataset}`);
  const header = [
    "route".padEnd(30),
    "req/s".padStart(7),
    "p50 ms".padStart(7),
    "p99 ms".padStart(7),
    "errors".padStart(7),
    "queries@1".padStart(10),
    `queries@${COHORTS}`.padStart(11),
    "vs floor".padStart(9),
    "CPU ms/req".padStart(11),
  ].join(" ");
  console.log(header);
  console.log("-".repeat(header.length));
  for (const [i, f] of large.figures.entries()) {
    const name = f.connections === CONNECTIONS ? f.route : `${f.route} [${f.connections} conn.]`;
    console.log(
      [
        name.padEnd(30),
        f.rps.toFixed(0).padStart(7),
        f.p50.toFixed(1).padStart(7),
        f.p99.toFixed(1).padStart(7),
        String(f.errors).padStart(7),
        fixed(small[i]?.queries ?? null, 1).padStart(10),
        fixed(f.queries, 1).padStart(11),
        (f.rps / floor).toFixed(2).padStart(9),
        fixed(f.cpuMs, 1).padStart(11),
      ].join(" "),
    );
  }
  console.log(
    `  vs floor: throughput over the static page's mean, ${floors.map((f) => f.toFixed(0)).join(" and ")} req/s measured first and last`,
  );
  console.log("  CPU ms/req: the server processes' CPU time over the requests answered (Linux /proc)");
  const erring = large.figures.filter((f) => f.errors > 0);
  const slow = large.figures.filter((f) => f.p99 >= P99_BUDGET_MS);
  const growing = large.figures.filter((f, i) => {
    const before = small[i]?.queries;
    return before == null || f.queries === null || Math.abs(f.queries - before) >= 0.5;
  });
  const verdict = (gaps: string[]) => (gaps.length ? `NOT MET: ${gaps.join("; ")}` : "met");
  console.log(`Budgets (${LABELS[kind]}):`);
  console.log(`  no errors: ${verdict(erring.map((f) => `${f.route} ${f.errors}`))}`);
  console.log(
    `  p99 < ${P99_BUDGET_MS} ms at ${CONNECTIONS} connections, every route: ${verdict(slow.map((f) => `${f.route} ${f.p99.toFixed(0)} ms`))}`,
  );
  console.log(
    `  SQL queries per request constant from 1 to ${COHORTS} cohorts: ${verdict(
      growing.map(
        (f) =>
          `${f.route} ${fixed(small[large.figures.indexOf(f)]?.queries ?? null, 1)} -> ${fixed(f.queries, 1)}`,
      ),
    )}`,
  );
}

const started = performance.now();
let failed = false;
try {
  for (const kind of KINDS) {
    try {
      const small = await measure(kind, 1, SMALL_LOAD, false);
      const large = await measure(kind, COHORTS, { connections: CONNECTIONS, seconds: SECONDS }, true);
      report(kind, small.figures, large);
    } catch (error) {
      if (!(error instanceof Unavailable)) {
        failed = true;
        console.error(`\n${LABELS[kind]}: the run failed`);
        console.error(error);
        continue;
      }
      console.log(`\nPostgreSQL: skipped — ${error.message} [${kind}]`);
    }
  }
  if (!(await mailBench(KINDS))) failed = true;
} finally {
  await closeBenchDatabases();
}

const hashes = 10;
const t0 = performance.now();
for (let i = 0; i < hashes; i++) await hashPassword(`benchmark password ${i}`);
console.log(
  `\nargon2id hash (m=19456 KiB, t=2, p=1): ${((performance.now() - t0) / hashes).toFixed(1)} ms each`,
);
console.log(`Benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed) process.exitCode = 1;
