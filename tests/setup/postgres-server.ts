// A throw-away PostgreSQL server for the PostgreSQL test run and the benchmark: a new cluster in a temporary folder,
// listening on a free loopback port only, trusting local connections, without durability (it is deleted after).
// Run as root (CI, these machines), the server runs as the unprivileged `postgres` user that Debian's package makes.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type ThrowawayPostgres = { url: string; stop: () => void };

function postgresBin(program: string): string {
  const roots = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  const found = roots.map((root) => join(root, program)).find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `PostgreSQL's ${program} was not found: install it with \`apt-get install -y postgresql\` (or set PG_BIN)`,
    );
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : postgresBin(program),
      asRoot ? ["-u", "postgres", "--", postgresBin(program), ...args] : args,
      { stdio: ["ignore", "pipe", "pipe"] },
    );
  const dir = mkdtempSync(join(tmpdir(), "tandem-postgres-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "tandem", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
  ].join(" ");
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "start"]);
  return {
    url: `postgres://tandem@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
