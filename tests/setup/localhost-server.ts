// A test server reached as http://localhost:<port>, with APP_URL saying so. WebAuthn refuses an IP address as the
// relying party's id, and Chromium treats http://localhost as a secure context, so passkey tests use this.
import { createServer } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { makeWorld, type World } from "./factories";
import { startServer, type TestServer } from "./server";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Like serveWorld(), with the server's address and APP_URL on localhost. */
export function serveWorldOnLocalhost(): { server: TestServer; world: World } {
  const context = {} as { server: TestServer; world: World };
  beforeAll(async () => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const server = await startServer(
      async (db) => {
        context.world = await makeWorld(db);
      },
      { PORT: String(port), APP_URL: url },
    );
    context.server = { ...server, url };
  });
  afterAll(async () => {
    await context.server?.stop();
  });
  return context;
}
