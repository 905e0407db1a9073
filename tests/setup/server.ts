// Starts the built production server as a child process on a free port, over a fresh database file.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { createCookie } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import { createSession } from "~/models/account.server";
import type { Db } from "../../db/connection";
import type { SignInMethod } from "../../db/types";
import { fileDb } from "./db";
import { makeWorld, type World } from "./factories";
import {
  codeForNewKey,
  forgetServerDatabase,
  nextSecondStep,
  registerServerDatabase,
  rememberRecoveryCodes,
} from "./second-factor";

/** The servers started here sign cookies with this secret, so tests can make sessions without signing in. */
export const TEST_SESSION_SECRET = "tandem-test-session-secret";

/**
 * Makes session cookies as a server signing with `secret` reads them, sessions made directly in the database. A
 * session begun with a second factor (`method` other than "password") counts as verified now, as dangerous actions
 * (step-up) ask.
 */
export function sessionCookieMaker(name: string, secret: string) {
  const cookie = createCookie(name, { secrets: [secret] });
  return async (db: Db, personId: number, method: SignInMethod = "password"): Promise<string> => {
    const token = await createSession(db, personId, method);
    return (await cookie.serialize(token)).split(";")[0]!;
  };
}

/** A session cookie for a person, made directly in the database (quicker than the sign-in form). */
export const sessionCookieFor = sessionCookieMaker("tandem_session", TEST_SESSION_SECRET);

/** One line of the server's request log (server/request-log.ts). */
export type RequestLogLine = {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  queries: number;
  personId: number | null;
};

export type TestServer = {
  url: string;
  db: Db;
  stop: () => Promise<void>;
  /** The request-log lines the server has printed so far, oldest first. */
  requestLog: () => RequestLogLine[];
  /** The error lines the server has printed on standard error so far, oldest first. */
  errorLog: () => ErrorLogLine[];
};

/** One line of the server's error log (app/utils/error-log.server.ts). */
export type ErrorLogLine = {
  at: string;
  level: "error";
  requestId: string | null;
  method: string;
  path: string;
  message: string;
  stack: string | null;
};

/** The complete JSON lines of some output that have `field` (the last piece may be a line still being written). */
function jsonLines<T>(output: string, field: string): T[] {
  return output
    .split("\n")
    .slice(0, -1)
    .filter((line) => line.startsWith("{") && line.includes(`"${field}"`))
    .map((line) => JSON.parse(line) as T);
}

export async function startServer(
  seed?: (db: Db) => Promise<void>,
  env: Record<string, string> = {},
): Promise<TestServer> {
  if (!existsSync("build/index.js"))
    throw new Error("No build: run `npm run build` before the HTTP tests (npm test does).");
  const database = await fileDb();
  if (seed) await seed(database.db);
  const child: ChildProcess = spawn(process.execPath, ["build/index.js"], {
    env: {
      ...process.env,
      SESSION_SECRET: TEST_SESSION_SECRET,
      // The daily anonymisation would change the people of old cohorts a test made: on only where a test asks.
      RETENTION_EVERY_MS: "0",
      ...env,
      DATABASE_URL: database.url,
      // A free port the server picks, unless the test chose one (to name it in APP_URL beforehand).
      PORT: env.PORT ?? "0",
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stdout = "";
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      stderr += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${output}`));
    });
  });
  registerServerDatabase(url, database.db);
  return {
    url,
    db: database.db,
    requestLog: () => jsonLines<RequestLogLine>(stdout, "queries"),
    errorLog: () => jsonLines<ErrorLogLine>(stderr, "level"),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      forgetServerDatabase(url);
      await database.remove();
    },
  };
}

/** The `name=value` of a response's cookie called `name` (fetch joins several Set-Cookie headers otherwise). */
function cookieNamed(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);
}

async function expectRedirect(response: Response, what: string): Promise<string> {
  if (response.status !== 302 && response.status !== 303)
    throw new Error(`${what} failed with ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.headers.get("location") ?? "";
}

/**
 * Signs in through the real form and returns the session cookie. When Tandem asks for the second step, it is
 * completed as the person would: a code computed from their key (read from the server's database, or remembered
 * from the set-up page), or, when they must set up two-step verification, through the set-up pages.
 */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const location = await expectRedirect(response, `Sign-in as ${email}`);
  const session = cookieNamed(response, "tandem_session");
  if (session) return session;
  const pending = cookieNamed(response, "tandem_second_step");
  if (!pending) throw new Error(`Sign-in as ${email} set no cookie (sent to ${location})`);
  if (location.startsWith("/sign-in/code")) {
    const next = await nextSecondStep(url, email);
    if (!next) throw new Error(`Sign-in as ${email} asks for a code, and the tests do not know their key`);
    const answer = await post(
      `${url}/sign-in/code${next.recovery ? "?recovery=1" : ""}`,
      { code: next.code },
      pending,
    );
    await expectRedirect(answer, `The code of ${email}`);
    const cookie = cookieNamed(answer, "tandem_session");
    if (!cookie) throw new Error(`The code of ${email} was not accepted`);
    return cookie;
  }
  return enrolThroughPages(url, email, pending);
}

/** Sets up two-step verification through the pages, as someone made to at sign-in; returns the session cookie. */
export async function enrolThroughPages(url: string, email: string, pending: string): Promise<string> {
  const page = await (await get(`${url}/two-step-verification/set-up`, pending)).text();
  const key = /id="authenticator-key"[^>]*>([A-Z2-7 ]+)</.exec(page)?.[1];
  if (!key) throw new Error(`The set-up page for ${email} shows no key`);
  const confirmed = await post(
    `${url}/two-step-verification/set-up`,
    { code: codeForNewKey(url, email, key) },
    pending,
  );
  await expectRedirect(confirmed, `Setting up two-step verification for ${email}`);
  const codesPage = await (await get(`${url}/two-step-verification/recovery-codes`, pending)).text();
  rememberRecoveryCodes(
    url,
    email,
    [...codesPage.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!),
  );
  const done = await post(`${url}/two-step-verification/recovery-codes`, {}, pending);
  await expectRedirect(done, `Saving the recovery codes of ${email}`);
  const cookie = cookieNamed(done, "tandem_session");
  if (!cookie) throw new Error(`Setting up two-step verification for ${email} started no session`);
  return cookie;
}

export function get(url: string, cookie?: string) {
  return fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
}

export function post(
  url: string,
  fields: Record<string, string>,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    redirect: "manual",
  });
}

/**
 * One server for the test file over a fresh database holding makeWorld(): started before the file's tests and
 * stopped after them. Read `server` and `world` from the returned object inside tests.
 */
export function serveWorld(): { server: TestServer; world: World } {
  const context = {} as { server: TestServer; world: World };
  beforeAll(async () => {
    context.server = await startServer(async (db) => {
      context.world = await makeWorld(db);
    });
  });
  afterAll(async () => {
    await context.server?.stop();
  });
  return context;
}

export type RawPost = {
  headers: Record<string, string>;
  body: Buffer;
  /** A Content-Length larger than the body sent: the server must answer before it reads that much. */
  declaredLength?: number;
  chunked?: boolean;
};

/**
 * Connections kept open between small raw posts, dropped after 2 s idle so that none is reused just as the server
 * closes it (its keep-alive timeout is 5 s). Large or unfinished bodies get a connection of their own.
 */
const rawAgent = new Agent({ keepAlive: true, maxSockets: 16, timeout: 2_000 });

export type RawAnswer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
};

/**
 * Posts exactly these bytes and headers (fetch would add a Content-Type, and always sends the whole body). With
 * `declaredLength`, only `body` is sent and the answer must come before the rest: it rejects after `waitMs`.
 */
export function postRaw(url: string, raw: RawPost, cookie?: string, waitMs = 10_000): Promise<RawAnswer> {
  const { headers, body, declaredLength, chunked } = raw;
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(url, {
      method: "POST",
      agent: declaredLength || chunked || body.length > 64 * 1024 ? false : rawAgent,
      headers: {
        ...headers,
        ...(cookie ? { Cookie: cookie } : {}),
        ...(chunked
          ? { "Transfer-Encoding": "chunked" }
          : { "Content-Length": declaredLength ?? body.length }),
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`No answer within ${waitMs} ms: the server is waiting for the rest of the body`));
    }, waitMs);
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      const done = () => {
        clearTimeout(timer);
        if (declaredLength) request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        });
      };
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", done);
      response.on("error", done);
    });
    // The server may close the connection after answering, while the rest of the body is still on its way.
    request.on("error", (error) => {
      if (!answered) {
        clearTimeout(timer);
        reject(error);
      }
    });
    if (declaredLength) request.write(body);
    else request.end(body);
  });
}
