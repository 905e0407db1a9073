// No per-row queries: every page runs as many SQL queries over a grown world as over a small one. Each page is
// real HTTP to the built server, as someone who may see it; the counts come from the server's request log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskedPath } from "~/utils/error-log.server";
import { PAGES, routeIds, WITHOUT_ROWS } from "../setup/pages";
import { growWorld, type SmallWorld, smallWorld } from "../setup/scale";
import { sessionCookieFor, startServer, type TestServer } from "../setup/server";

type Count = { status: number; queries: number };

let server: TestServer;
let world: SmallWorld;

/** Requests every page once, as its viewer, and reads each one's query count from the request log. */
async function countQueries(): Promise<Map<string, Count>> {
  const counts = new Map<string, Count>();
  for (const [route, pages] of Object.entries(PAGES)) {
    for (const page of pages) {
      const path = page.path(world);
      // A fresh session for each request, so no request spends a query on refreshing an old one.
      const cookie =
        page.who === "anonymous"
          ? undefined
          : await sessionCookieFor(server.db, world.people[page.who].id, "password-and-code");
      const seen = server.requestLog().length;
      const response = await fetch(`${server.url}${path}`, {
        headers: cookie ? { Cookie: cookie } : {},
        redirect: "manual",
      });
      await response.arrayBuffer();
      // The request log records the path without its query (a confirmation page's proposal).
      const line = await logLineFor(seen, maskedPath(path.split("?")[0]!));
      counts.set(`${route} (${page.who})`, { status: response.status, queries: line.queries });
    }
  }
  return counts;
}

async function logLineFor(after: number, path: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const line = server
      .requestLog()
      .slice(after)
      .find((l) => l.method === "GET" && l.path === path);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`No request-log line for GET ${path}`);
}

function table(before: Map<string, Count>, after: Map<string, Count>) {
  const width = Math.max(...[...before.keys()].map((k) => k.length));
  return [...before]
    .map(([page, b]) => {
      const a = after.get(page);
      const mark = a && a.queries === b.queries && a.status === b.status ? "  " : "✗ ";
      return `${mark}${page.padEnd(width)}  ${String(b.queries).padStart(3)} -> ${String(a?.queries ?? "?").padStart(3)}`;
    })
    .join("\n");
}

/** Tables the pages list, whose rows must multiply when the world grows. */
const GROWN_TABLES = [
  "people",
  "memberships",
  "cohorts",
  "cohort_organisations",
  "teams",
  "team_members",
  "team_mentors",
  "mentoring_sessions",
  "session_attendees",
  "session_actions",
  "problem_statement_versions",
  "statement_reviews",
  "visits",
  "attendance",
  "skills_answers",
  "scoring_sheets",
  "sheet_scores",
  "audit_events",
  "outbox",
] as const;

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of GROWN_TABLES) {
    const row = await server.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

let before: Map<string, Count>;
let after: Map<string, Count>;
let rowsBefore: Record<string, number>;
let rowsAfter: Record<string, number>;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await smallWorld(db);
  });
  before = await countQueries();
  rowsBefore = await rowCounts();
  await growWorld(server.db, world);
  rowsAfter = await rowCounts();
  after = await countQueries();
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe("query discipline", () => {
  it("covers every route that shows rows from the database", () => {
    expect([...Object.keys(PAGES), ...WITHOUT_ROWS].sort()).toEqual(routeIds().sort());
  });

  it("grows every listed table at least threefold", () => {
    const small = GROWN_TABLES.filter((table) => rowsAfter[table]! < 3 * rowsBefore[table]!);
    expect(
      small.map((table) => `${table}: ${rowsBefore[table]} -> ${rowsAfter[table]}`),
      "tables that did not grow enough",
    ).toEqual([]);
  });

  it("serves every page, before and after the data grows", () => {
    const failed = [...before, ...after].filter(([, c]) => c.status !== 200);
    expect(
      failed.map(([page, c]) => `${page}: ${c.status}`),
      "pages that did not answer 200",
    ).toEqual([]);
  });

  it("runs as many queries on every page when it shows many more rows", () => {
    const grown = [...before].filter(([page, b]) => after.get(page)?.queries !== b.queries);
    expect(
      grown.map(([page]) => page),
      `queries per page, before -> after growth:\n${table(before, after)}`,
    ).toEqual([]);
  });
});
