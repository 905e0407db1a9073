// Runs `npm run tandem -- …` as a person would (a child process), in a scratch folder per test file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export function runTandem(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/tandem.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

/**
 * A scratch folder removed after the file's tests, a way to write input files into it (objects as JSON), and
 * `tandem(...args)` running on DATABASE_URL `<folder>/cli.sqlite` unless `env` says otherwise.
 */
export function cliWorkspace(prefix: string, env: (dir: string) => Record<string, string> = () => ({})) {
  const dir = mkdtempSync(join(tmpdir(), `tandem-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const tandem = (...args: string[]) =>
    runTandem(args, { DATABASE_URL: `file:${join(dir, "cli.sqlite")}`, ...env(dir) });
  return { dir, file, tandem };
}
