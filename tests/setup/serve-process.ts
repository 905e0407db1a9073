// Starts the built server (`build/index.js`) as a child process on a database, collecting its output (logs, crashes).
import { spawn } from "node:child_process";

/** Starts the built server (`build/index.js`) on a database, collecting its output; `env` adds settings. */
export async function serveProcess(url: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["build/index.js"], {
    env: {
      ...process.env,
      SESSION_SECRET: "tandem-test-session-secret",
      ...env,
      DATABASE_URL: url,
      PORT: "0",
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return { child, base, exited, output: () => output };
}
