// The built production server for the load benchmark: started on a free loopback port over a given database,
// with each request's log line (server/request-log.ts) handed to the caller, and a session cookie maker.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { type RequestLogLine, sessionCookieMaker } from "../setup/server";

export type { RequestLogLine };

const BENCH_SESSION_SECRET = "tandem-bench-session-secret";
/** A session cookie for a person, made directly in the database: in production the cookie is named so
 * (app/auth/session.server.ts) and signed with SESSION_SECRET. */
export const benchSessionCookie = sessionCookieMaker("__Host-tandem_session", BENCH_SESSION_SECRET);

export type BenchServer = {
  url: string;
  /** CPU seconds the server process has used so far (Linux /proc), or null where that cannot be read. */
  cpuSeconds: () => number | null;
  stop: () => Promise<void>;
};

/** Clock ticks a second, as /proc/<pid>/stat counts them (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Starts the built server (`build/index.js`) in production mode (React's production build, as `npm start` serves) over
 * `databaseUrl`; every JSON request-log line it prints goes to `onRequest`.
 */
export async function startBenchServer(
  databaseUrl: string,
  onRequest: (line: RequestLogLine) => void,
): Promise<BenchServer> {
  if (!existsSync("build/index.js"))
    throw new Error("No build: run `npm run build` first (npm run bench does).");
  // BENCH_CPU_PROFILE=<folder>: each server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE;
  const args = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, "build/index.js"] : ["build/index.js"];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: BENCH_SESSION_SECRET,
      SECRETS_KEY: "tandem-bench-secrets-key-of-at-least-32-characters",
      APP_URL: "http://127.0.0.1",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_REQUESTS: "1",
      // The scheduled reminders would write to the outbox while routes are measured: the mail figure is apart.
      REMINDERS_EVERY_MS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 30_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("{")) {
        try {
          onRequest(JSON.parse(line) as RequestLogLine);
          return;
        } catch {
          // Not a request-log line: keep it with the rest of the output.
        }
      }
      output += `${line}\n`;
      const match = line.match(/listening on http:\/\/\S+:(\d+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
