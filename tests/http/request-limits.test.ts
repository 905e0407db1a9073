// Request bodies are judged by their headers before anything reads them (issue 13, findings 4 and 6): too large
// (413), of a type Tandem does not read (415), without a length (411), or from an address the sign-in throttle
// holds back (429), each answered at once with a GOV.UK page. Malformed requests and page numbers are never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "~/auth/unsubscribe.server";
import { recordSignInFailure } from "~/models/account.server";
import { makeWorld, type World } from "../setup/factories";
import { type MentoringWorld, makeMentoringTeams } from "../setup/mentoring";
import {
  get,
  postRaw,
  type RawAnswer,
  type RawPost,
  sessionCookieFor,
  startServer,
  TEST_SESSION_SECRET,
  type TestServer,
} from "../setup/server";

let server: TestServer;
let world: World;
let mentoring: MentoringWorld;

beforeAll(async () => {
  server = await startServer(async (db) => {
    world = await makeWorld(db);
    mentoring = await makeMentoringTeams(db, world);
  });
});
afterAll(async () => {
  await server?.stop();
});

const MB = 1024 * 1024;
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const cookieOf = (who: keyof World["people"]) => sessionCookieFor(server.db, world.people[who].id);
const importPath = () => `/cohorts/${world.cohortA.id}/nominations/import`;

/** A GOV.UK page (the template's header and a heading) that says `words`. */
function expectGovukPage(answer: RawAnswer | { text: string }, words: string) {
  expect(answer.text).toContain('class="govuk-template"');
  expect(answer.text).toContain("govuk-heading-l");
  expect(answer.text).toContain(words);
}

describe("a body too large (finding 4)", () => {
  it("is refused with a 413 page before it is read: 200 MB to /sign-in, signed out", async () => {
    const started = Date.now();
    const answer = await postRaw(`${server.url}/sign-in`, {
      headers: FORM,
      body: Buffer.from("email=a%40example.test&password="),
      declaredLength: 200 * MB,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expectGovukPage(answer, "What you sent is too long");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  // The whole body is sent (through Node's client, which reads an answer that comes before the body is all sent,
  // as browsers do when the server goes on reading): the server reads it to the end and throws it away.
  it("is refused with the 413 page when the whole body is sent (a 1 MB password)", async () => {
    const answer = await postRaw(`${server.url}/sign-in`, {
      headers: FORM,
      body: Buffer.from(
        new URLSearchParams({ email: "a@example.test", password: "p".repeat(MB) }).toString(),
      ),
    });
    expect(answer.status).toBe(413);
    expectGovukPage(answer, "shorten what you entered");
    // The server is still answering.
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
  });

  it("holds the import's confirmation to the upload's limit, though it carries the file as a form field", async () => {
    const cookie = await cookieOf("coordinator");
    const csv = `name,email,organisation,sector\n${"Ann,ann@example.test,Org,industry\n".repeat(500_000)}`;
    const body = Buffer.from(new URLSearchParams({ csv, fileName: "n.csv" }).toString());
    expect(body.length).toBeGreaterThan(16 * MB);
    const sent = await postRaw(`${server.url}${importPath()}`, { headers: FORM, body }, cookie, 60_000);
    expect(sent.status).toBe(413);
    const declared = await postRaw(
      `${server.url}${importPath()}`,
      { headers: FORM, body: Buffer.from("csv="), declaredLength: 300 * MB },
      cookie,
    );
    expect(declared.status).toBe(413);
  });

  it("refuses an upload over 5 MB with a page that says how to fix it", async () => {
    const boundary = "----tandem";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n`),
      Buffer.alloc(6 * MB, "x"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await postRaw(
      `${server.url}${importPath()}`,
      { headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body },
      await cookieOf("coordinator"),
      60_000,
    );
    expect(answer.status).toBe(413);
    expectGovukPage(answer, "The file must be smaller than 5 MB");
  });

  it("takes the upload as a page's data request too (Remix's .data address, used when JavaScript runs)", async () => {
    const boundary = "----tandem";
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="n.csv"\r\nContent-Type: text/csv\r\n\r\nname,email\r\n\r\n--${boundary}--\r\n`,
    );
    const answer = await postRaw(
      `${server.url}${importPath()}.data`,
      { headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body },
      await cookieOf("coordinator"),
      60_000,
    );
    expect(answer.status).not.toBe(415);
    expect(answer.status).toBeLessThan(500);
  });

  it("still takes a problem statement with every answer at its longest, in a script of three-byte characters", async () => {
    const long = (n: number) => "語".repeat(n);
    const statement = new URLSearchParams({
      baseVersion: "1",
      title: long(200),
      category: "operational",
      department: long(500),
      problem: long(20_000),
      affected: long(20_000),
      evidence: long(20_000),
      approach: long(20_000),
      success_measures: long(20_000),
    }).toString();
    expect(statement.length).toBeGreaterThan(900_000);
    const answer = await postRaw(
      `${server.url}/cohorts/${world.cohortA.id}/teams/${mentoring.team1}/statement/edit`,
      { headers: FORM, body: Buffer.from(statement) },
      await cookieOf("participant"),
    );
    expect(answer.status).toBe(302);
  });
});

describe("the sign-in throttle (finding 4)", () => {
  it("answers an address that must wait at once, without waiting for its form", async () => {
    await server.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 35; i++) await recordSignInFailure(tx, `guess${i}@example.test`, "127.0.0.1");
    });
    try {
      // The form says it is 1,000 bytes long and only its start is sent: the answer cannot have read it.
      const answer = await postRaw(
        `${server.url}/sign-in`,
        { headers: FORM, body: Buffer.from("email=someone%40example.test&password="), declaredLength: 1000 },
        undefined,
        5_000,
      );
      expect(answer.status).toBe(429);
      expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
      expectGovukPage(answer, "You have tried to sign in too many times");
    } finally {
      await server.db.deleteFrom("sign_in_failures").execute();
    }
  });
});

describe("a body Tandem does not read (finding 6)", () => {
  const KINDS: Record<string, RawPost> = {
    "no Content-Type": { headers: {}, body: Buffer.from("email=a") },
    "application/json": {
      headers: { "Content-Type": "application/json" },
      body: Buffer.from('{"email":"a"}'),
    },
    "text/plain": { headers: { "Content-Type": "text/plain" }, body: Buffer.from("email=a") },
    "multipart, where no file is taken": {
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: Buffer.from('--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na\r\n--x--\r\n'),
    },
  };

  for (const [kind, raw] of Object.entries(KINDS)) {
    it(`is refused with a 415 page: ${kind}, signed out and signed in`, async () => {
      const signedOut = await postRaw(`${server.url}/sign-in`, raw);
      expect(signedOut.status).toBe(415);
      expectGovukPage(signedOut, "Tandem cannot read what was sent");
      const signedIn = await postRaw(
        `${server.url}/cohorts/${world.cohortA.id}/edit`,
        raw,
        await cookieOf("coordinator"),
      );
      expect(signedIn.status).toBe(415);
    });
  }

  it("takes a mail program's one-click unsubscribe sent as multipart (RFC 8058 allows it)", async () => {
    // Signed as the server signs them (with its SESSION_SECRET).
    process.env.SESSION_SECRET = TEST_SESSION_SECRET;
    const link = `${server.url}/unsubscribe/${unsubscribeToken(world.people.leader.id, "visit_reminder")}`;
    const answer = await postRaw(link, {
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: Buffer.from(
        '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
      ),
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("You will no longer get emails about");
  });

  it("answers a form sent without a length (chunked) with a 411 page", async () => {
    const answer = await postRaw(`${server.url}/sign-in`, {
      headers: FORM,
      body: Buffer.from("email=a"),
      chunked: true,
    });
    expect(answer.status).toBe(411);
    expectGovukPage(answer, "did not say how long it was");
  });

  it("answers broken multipart to the upload with 400 and what to do, and multipart without a boundary too", async () => {
    const cookie = await cookieOf("coordinator");
    const broken = await postRaw(
      `${server.url}${importPath()}`,
      {
        headers: { "Content-Type": "multipart/form-data; boundary=x" },
        body: Buffer.from(
          '--x\r\nContent-Disposition: form-data; name="file"; filename="n.csv"\r\n\r\nname,em',
        ),
      },
      cookie,
    );
    expect(broken.status).toBe(400);
    expect(broken.text).toContain("The file could not be read: select it and upload it again");
    const noBoundary = await postRaw(
      `${server.url}${importPath()}`,
      { headers: { "Content-Type": "multipart/form-data" }, body: Buffer.from("--x--\r\n") },
      cookie,
    );
    expect(noBoundary.status).toBe(400);
    expectGovukPage(noBoundary, "Tandem cannot read what was sent");
  });
});

describe("numbers out of range (finding 6)", () => {
  it("a page number past the last, or beyond counting, is not found; ids beyond any record are ignored", async () => {
    const cookie = await cookieOf("admin");
    expect((await get(`${server.url}/audit`, cookie)).status).toBe(200);
    expect((await get(`${server.url}/audit?page=9223372036854775807`, cookie)).status).toBe(404);
    // The largest whole number JavaScript holds exactly: its offset is not (the issue saw SQLITE_MISMATCH).
    expect((await get(`${server.url}/audit?page=9007199254740991`, cookie)).status).toBe(404);
    expect((await get(`${server.url}/audit?page=5000`, cookie)).status).toBe(404);
    expect((await get(`${server.url}/audit?page=1&person=9223372036854775807`, cookie)).status).toBe(200);
    expect((await get(`${server.url}/audit?cohort=99999999999`, cookie)).status).toBeLessThan(500);
    expect((await get(`${server.url}/cohorts/9999999999`, cookie)).status).toBe(404);
  });
});
