// Indexes, read from the database itself: every foreign key has one, and no page's loader reads a big table from
// end to end (each statement's query plan, over a grown world).
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { foreignKeysWithoutIndex } from "../../db/introspect";
import { explainPlan, fullTableScans, recordingQueries } from "../../db/plan";
import { memoryDb } from "../setup/db";
import { PAGES, routeModules, routeParams } from "../setup/pages";
import { growWorld, type SmallWorld, smallWorld } from "../setup/scale";
import { sessionCookieFor, TEST_SESSION_SECRET } from "../setup/server";

/** Tables that grow with the programme: reading one in full is a missing index. Small lookup tables may be scanned. */
const BIG_TABLES = [
  "people",
  "accounts",
  "sessions",
  "memberships",
  "cohort_organisations",
  "visits",
  "attendance",
  "teams",
  "team_members",
  "team_mentors",
  "team_constraints",
  "mentoring_sessions",
  "session_attendees",
  "session_actions",
  "session_private_notes",
  "problem_statements",
  "problem_statement_versions",
  "statement_reviews",
  "pitch_slots",
  "panel_members",
  "declared_conflicts",
  "scoring_sheets",
  "sheet_scores",
  "skills_answers",
  "team_outcomes",
  "audit_events",
  "one_time_links",
  "calendar_feeds",
];

let db: Db;
let world: SmallWorld;

// No ANALYZE: without statistics SQLite plans as for tables of any size, so a SCAN means that no index can serve
// the statement at all (with statistics of this small world it would rightly scan tables of a few hundred rows).
beforeAll(async () => {
  db = await memoryDb();
  world = await smallWorld(db);
  await growWorld(db, world);
}, 60_000);
afterAll(async () => {
  await db.destroy();
});

describe("foreign keys", () => {
  it("each lead some index, so a parent's rows are found without reading the whole table", async () => {
    expect(await foreignKeysWithoutIndex(db)).toEqual([]);
  });
});

type Scan = { page: string; table: string; sql: string; plan: string[] };

/** Runs a page's loader in this process over `db`, as the page's viewer, and returns the statements it ran. */
async function loaderStatements(route: string, path: string, cookie: string | undefined) {
  const recording = recordingQueries(db);
  // The app reaches its database through the load context, as the HTTP server hands it over.
  const context: AppLoadContext = {
    db: recording.db,
    requestId: "0123456789ab",
    cspNonce: "",
    clientAddress: "127.0.0.1",
    requestLog: { personId: null },
  };
  const file = routeModules().find((module) => module.id === route)?.file ?? `${route}.tsx`;
  const module = (await import(`../../app/routes/${file}`)) as {
    loader: (args: {
      request: Request;
      params: Record<string, string>;
      context: AppLoadContext;
    }) => Promise<unknown>;
  };
  const request = new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  let status = 200;
  try {
    const result = await module.loader({ request, params: routeParams(route, path), context });
    if (result instanceof Response) status = result.status;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    status = thrown.status;
  }
  return { status, queries: recording.queries };
}

describe("list pages' query plans", () => {
  beforeAll(() => {
    // The session cookie module signs with SESSION_SECRET when it is first imported (by the first loader).
    process.env.SESSION_SECRET = TEST_SESSION_SECRET;
  });

  it("read no big table in full on any page", async () => {
    const scans: Scan[] = [];
    const refused: string[] = [];
    let statements = 0;
    for (const [route, pages] of Object.entries(PAGES)) {
      for (const page of pages) {
        const name = `${route} (${page.who})`;
        const cookie =
          page.who === "anonymous"
            ? undefined
            : await sessionCookieFor(db, world.people[page.who].id, "password-and-code");
        const { status, queries } = await loaderStatements(route, page.path(world), cookie);
        if (status !== 200) refused.push(`${name}: ${status}`);
        for (const query of queries) {
          if (!/^\s*(select|with)\b/i.test(query.sql)) continue;
          statements += 1;
          const plan = await explainPlan(db, query.sql, query.parameters);
          for (const table of fullTableScans(query.sql, plan))
            if (BIG_TABLES.includes(table)) scans.push({ page: name, table, sql: query.sql, plan });
        }
      }
    }
    expect(refused, "every loader answers its viewer").toEqual([]);
    expect(statements).toBeGreaterThan(300);
    expect(
      scans.map((s) => `${s.page}: ${s.table}`),
      scans.map((s) => `${s.page}: full scan of ${s.table}\n  ${s.sql}\n${s.plan.join("\n")}`).join("\n\n"),
    ).toEqual([]);
  });
});
