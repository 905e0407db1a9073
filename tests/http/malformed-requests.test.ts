// RawPost requests to every action, as everyone: bodies of the wrong type, broken, oversized, chunked, in
// invalid UTF-8, with fields twice or missing. Each is answered (refused, or handled as a form with errors), never
// with a 5xx, and the server logs no unexpected error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERYONE, MATRIX, type MatrixWorld, makeMatrixWorld, type Who } from "../setup/route-matrix";
import { get, postRaw, type RawPost, sessionCookieFor, startServer, type TestServer } from "../setup/server";

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

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const BOUNDARY = "----tandemfuzz";

/** The same for every action: bodies whose type or framing is wrong. */
const MALFORMED_BODIES: Record<string, RawPost> = {
  "no Content-Type": { headers: {}, body: Buffer.from("intent=save&name=x") },
  "application/json": { headers: { "Content-Type": "application/json" }, body: Buffer.from('{"name":"x"}') },
  "text/plain": { headers: { "Content-Type": "text/plain" }, body: Buffer.from("name=x") },
  "an unknown type": { headers: { "Content-Type": "application/x-tandem" }, body: Buffer.from("name=x") },
  "broken multipart": {
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx`),
  },
  "multipart without a boundary": {
    headers: { "Content-Type": "multipart/form-data" },
    body: Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    ),
  },
  "multipart in invalid UTF-8": {
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="n.csv"\r\n\r\n`),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  },
  "a form of 300 MB (declared)": {
    headers: FORM,
    body: Buffer.from("name="),
    declaredLength: 300 * 1024 * 1024,
  },
  "a chunked form": { headers: FORM, body: Buffer.from("name=x"), chunked: true },
};

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`)
    .exec(tag)?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

type Control = { name: string; value: string; button: boolean };

/** The forms a page shows (not the header's sign-out), each as its named controls. */
function formsOn(html: string): Control[][] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter(([, attributes]) => !attribute(attributes ?? "", "action")?.includes("/sign-out"))
    .map(([, , inner]) =>
      [...(inner ?? "").matchAll(/<(input|select|textarea|button)\b[^>]*>/g)].flatMap(([tag, kind]) => {
        const name = attribute(tag, "name");
        if (!name) return [];
        const button = kind === "button" || attribute(tag, "type") === "submit";
        return [{ name, value: attribute(tag, "value") ?? "", button }];
      }),
    );
}

const urlencoded = (pairs: [string, string][]) => Buffer.from(new URLSearchParams(pairs).toString());

/**
 * Bodies built from a real form: every field twice (the second value different), every number too large for any
 * id, all but the button missing, and every value in invalid UTF-8 (raw bytes and percent-encoded). One set per
 * submit button.
 */
function formBodies(form: Control[]): Record<string, RawPost> {
  const fields = form.filter((c) => !c.button).map((c): [string, string] => [c.name, c.value]);
  const buttons = form.filter((c) => c.button).map((c): [string, string] => [c.name, c.value]);
  const bodies: Record<string, RawPost> = {};
  for (const button of buttons.length ? buttons : [null]) {
    const pressed: [string, string][] = button ? [button] : [];
    const label = button ? ` (${button[0]}=${button[1]})` : "";
    bodies[`duplicate fields${label}`] = {
      headers: FORM,
      body: urlencoded(
        [...fields, ...pressed].flatMap(([n, v]) => [[n, v] as [string, string], [n, `${v}1`]]),
      ),
    };
    bodies[`numbers out of range${label}`] = {
      headers: FORM,
      body: urlencoded(
        [...fields, ...pressed].map(([n, v]) => [n, /^\d+$/.test(v) ? "9223372036854775807" : v]),
      ),
    };
    bodies[`missing fields${label}`] = { headers: FORM, body: urlencoded(pressed) };
    bodies[`invalid UTF-8${label}`] = {
      headers: FORM,
      body: Buffer.concat([
        urlencoded(pressed),
        ...fields.map(([name]) =>
          Buffer.concat([
            Buffer.from(`&${encodeURIComponent(name)}=`),
            Buffer.from([0xc3, 0x28, 0xff]),
            Buffer.from("%C3%28%FF%ED%A0%80"),
          ]),
        ),
      ]),
    };
  }
  return bodies;
}

const routesWithActions = Object.entries(MATRIX).flatMap(([route, entry]) =>
  entry.POST ? [{ route, post: entry.POST, page: entry.GET }] : [],
);

describe("malformed requests to every action, as everyone", () => {
  it("lists the actions it posts to", () => {
    expect(routesWithActions.length).toBeGreaterThan(30);
  });

  for (const { route, post, page } of routesWithActions) {
    it(`POST ${route}: no 5xx`, async () => {
      // The forms as someone who may use them sees them.
      const reader = post.allowed.find((who) => who !== "anonymous") ?? "anonymous";
      const readerCookie =
        reader === "anonymous" ? undefined : await sessionCookieFor(server.db, world.people[reader].id);
      const html = page ? await (await get(`${server.url}${page.path(world)}`, readerCookie)).text() : "";
      const formBodiesOf = Object.assign(
        { "an empty form": { headers: FORM, body: Buffer.alloc(0) } },
        ...formsOn(html).map(formBodies),
      ) as Record<string, RawPost>;
      // Bodies of the wrong kind go to everyone. Those made from the page's forms reach the action itself for
      // whoever may post; for the others the guard answers before the body is read, so one of them is enough.
      const refused = EVERYONE.find((who) => !post.allowed.includes(who) && who !== "anonymous");
      const url = `${server.url}${post.path(world)}`;
      const failures: string[] = [];
      let sent = 0;
      await Promise.all(
        EVERYONE.map(async (who: Who) => {
          // A fresh session each, as a body may sign its sender out.
          const cookie =
            who === "anonymous" ? undefined : await sessionCookieFor(server.db, world.people[who].id);
          const bodies =
            post.allowed.includes(who) || who === refused
              ? { ...MALFORMED_BODIES, ...formBodiesOf }
              : MALFORMED_BODIES;
          for (const [kind, raw] of Object.entries(bodies)) {
            const { status } = await postRaw(url, raw, cookie);
            sent++;
            if (status >= 500 || status === 0) failures.push(`${who}, ${kind}: ${status}`);
          }
        }),
      );
      expect(failures, `${sent} bodies sent`).toEqual([]);
    });
  }

  it("logged no unexpected error", async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.errorLog().map((line) => `${line.method} ${line.path}: ${line.message}`)).toEqual([]);
  });
});
