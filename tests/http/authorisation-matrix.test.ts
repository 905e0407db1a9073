// For every route: who may use it. Each request is real HTTP to the built server, as each kind of person.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeModules } from "../setup/pages";
import { EVERYONE, MATRIX, type MatrixWorld, makeMatrixWorld } from "../setup/route-matrix";
import { post, sessionCookieFor, startServer, type TestServer } from "../setup/server";

/** Route modules: `name.tsx`, or a folder `name/` whose route is `name/route.tsx`. */
function routeFiles() {
  return routeModules().map(({ id, file }) => {
    const source = readFileSync(`app/routes/${file}`, "utf8");
    return {
      id,
      hasLoader: /export (async )?function loader\b|export const loader\b/.test(source),
      hasAction: /export (async )?function action\b|export const action\b/.test(source),
    };
  });
}

let server: TestServer;
let world: MatrixWorld;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeMatrixWorld(db);
  });
});
afterAll(async () => {
  await server?.stop();
});

describe("the authorisation matrix", () => {
  it("has an entry for every route, with every method the route answers", () => {
    const files = routeFiles();
    expect(Object.keys(MATRIX).sort()).toEqual(files.map((f) => f.id).sort());
    for (const file of files) {
      expect(MATRIX[file.id]?.GET, `${file.id} needs a GET rule`).toBeDefined();
      if (file.hasAction)
        expect(MATRIX[file.id]?.POST, `${file.id} has an action: it needs a POST rule`).toBeDefined();
    }
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    for (const method of ["GET", "POST"] as const) {
      const rule = entry[method];
      if (!rule) continue;
      it(`${method} ${route}`, async () => {
        const outcomes: string[] = [];
        for (const who of EVERYONE) {
          const cookie =
            who === "anonymous"
              ? undefined
              : await sessionCookieFor(server.db, world.people[who].id, "password-and-code");
          const url = `${server.url}${rule.path(world)}`;
          const response =
            method === "GET"
              ? await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" })
              : await post(url, {}, cookie);
          const location = response.headers.get("location") ?? "";
          const got = `${who}: ${response.status}${location ? ` -> ${new URL(location, server.url).pathname}` : ""}`;
          const expected = rule.status?.[who];
          let ok: boolean;
          if (expected !== undefined) ok = response.status === expected;
          else if (!rule.allowed.includes(who)) {
            ok =
              who === "anonymous"
                ? response.status === 302 && location.includes("/sign-in")
                : response.status === 403;
          } else if (method === "GET") ok = response.status === 200;
          else
            ok =
              response.status < 500 &&
              ![401, 403].includes(response.status) &&
              !location.includes("/sign-in?");
          outcomes.push(`${ok ? "ok  " : "BAD "}${got}`);
        }
        expect(
          outcomes.filter((line) => line.startsWith("BAD")),
          outcomes.join("\n"),
        ).toEqual([]);
      });
    }
  }
});
