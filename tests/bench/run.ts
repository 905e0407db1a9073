// `npm run bench`: page throughput and latency on the built server, each as a ratio of a static page's
// throughput (the framework's own floor) measured in the same run, plus the cost of a password hash.
// Prints figures; asserts nothing.
import { performance } from "node:perf_hooks";
import { hashPassword } from "~/auth/passwords.server";
import { seedDemo } from "../../scripts/seed-demo";
import { sessionCookieFor, startServer } from "../setup/server";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

type Result = { route: string; requests: number; errors: number; rps: number; p50: number; p99: number };

async function drive(route: string, url: string, cookie?: string): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    route,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
  };
}

const server = await startServer();
try {
  const { cohortId } = await seedDemo(server.db);
  const coordinator = await server.db
    .selectFrom("memberships")
    .where("cohort_id", "=", cohortId)
    .where("role", "=", "coordinator")
    .select("person_id")
    .executeTakeFirstOrThrow();
  const cookie = await sessionCookieFor(server.db, coordinator.person_id);
  const routes: Array<[string, string, string | undefined]> = [
    ["static page (floor)", "/accessibility", undefined],
    ["home (coordinator)", "/", cookie],
    ["cohort overview", `/cohorts/${cohortId}`, cookie],
    ["people in cohort (59)", `/cohorts/${cohortId}/people`, cookie],
  ];
  for (const [, path, c] of routes) await drive("warm-up", `${server.url}${path}`, c);
  const results: Result[] = [];
  for (const [route, path, c] of routes) results.push(await drive(route, `${server.url}${path}`, c));
  const floor = results[0]!.rps;
  console.log(`\nHTTP, ${CONNECTIONS} connections, ${SECONDS} s per route, SQLite, one process`);
  console.log("route                     requests  errors     req/s    p50 ms    p99 ms  vs floor");
  for (const r of results) {
    console.log(
      `${r.route.padEnd(24)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(9)} ${(r.rps / floor).toFixed(2).padStart(9)}`,
    );
  }
  const hashes = 10;
  const t0 = performance.now();
  for (let i = 0; i < hashes; i++) await hashPassword(`benchmark password ${i}`);
  console.log(
    `\nargon2id hash (m=19456 KiB, t=2, p=1): ${((performance.now() - t0) / hashes).toFixed(1)} ms each`,
  );
} finally {
  await server.stop();
}
