// Drives routes of one or more running servers with autocannon and reduces what comes back to figures:
// throughput, latency percentiles, errors and the SQL queries each request ran (from the request log).
import autocannon from "autocannon";
import type { RequestLogLine } from "./server";

/** What one connection sends, again and again. */
export type Connection = {
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Judges a response (ok: as expected) and may give the body of this connection's next request. */
  check?: (status: number, location: string | undefined) => { ok: boolean; nextBody?: string };
};

export type Route = {
  name: string;
  method: "GET" | "POST";
  /** The status a GET must answer with; routes with `check` judge their own responses. */
  expected: number;
  /** The request of connection `index` (counted over every server) to the server at `origin`. */
  connection: (index: number, origin: string) => Connection;
  /** Run before each drive: brings what the connections will send up to date with the database. */
  prepare?: () => Promise<void>;
  /** Routes whose connections need distinct records are limited to that many connections. */
  maxConnections?: number;
  /** Whether a request-log line belongs to this route. */
  logged: (line: RequestLogLine) => boolean;
};

export type Figures = {
  route: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Mean SQL queries per request over the run, from the servers' request logs; null with no log lines. */
  queries: number | null;
  /** Server CPU milliseconds per request (all processes), which other work on the machine hardly moves. */
  cpuMs: number | null;
};

export type Target = { url: string; cpuSeconds: () => number | null };

/** Hands the servers' request-log lines to whichever route is being driven. */
export class RequestLogTap {
  private listener: ((line: RequestLogLine) => void) | null = null;

  readonly handle = (line: RequestLogLine) => this.listener?.(line);

  listen(route: Route): () => number[] {
    const counts: number[] = [];
    this.listener = (line) => {
      if (route.logged(line)) counts.push(line.queries);
    };
    return () => {
      this.listener = null;
      return counts;
    };
  }
}

export type Load = { connections: number } & ({ seconds: number } | { amount: number });

const TIMEOUT_SECONDS = 10;

/** Drives `route` on every server at once, the connections shared out between them; figures summed. */
export async function drive(
  route: Route,
  targets: Target[],
  load: Load,
  tap: RequestLogTap,
): Promise<Figures> {
  const servers = targets.map((t) => t.url);
  const connections = Math.min(load.connections, route.maxConnections ?? load.connections);
  await route.prepare?.();
  const stopListening = tap.listen(route);
  const cpu = () => {
    const used = targets.map((t) => t.cpuSeconds());
    return used.some((u) => u === null) ? null : used.reduce<number>((a, b) => a + b!, 0);
  };
  const cpuBefore = cpu();
  const latencies: number[] = [];
  let errors = 0;
  let nextIndex = 0;
  const runs = servers.map((origin, s) => {
    const share = Math.floor(connections / servers.length) + (s < connections % servers.length ? 1 : 0);
    const amount =
      "amount" in load ? Math.max(share, Math.round((load.amount * share) / connections)) : undefined;
    return new Promise<{ requests: number; duration: number }>((resolve, reject) => {
      let requests = 0;
      const instance = autocannon(
        {
          url: origin,
          connections: share,
          ...(amount === undefined ? { duration: "seconds" in load ? load.seconds : 1 } : { amount }),
          timeout: TIMEOUT_SECONDS,
          setupClient: (client) => {
            const connection = route.connection(nextIndex++, origin);
            const { check } = connection;
            client.setRequests([
              {
                method: route.method,
                path: connection.path,
                headers: connection.headers,
                ...(connection.body === undefined ? {} : { body: connection.body }),
                onResponse: (status, _body, _context, headers) => {
                  requests += 1;
                  if (!check) {
                    if (status !== route.expected) errors += 1;
                    return;
                  }
                  const location = Object.entries(headers ?? {}).find(
                    ([k]) => k.toLowerCase() === "location",
                  );
                  const verdict = check(status, location ? String(location[1]) : undefined);
                  if (!verdict.ok) errors += 1;
                  if (verdict.nextBody !== undefined) client.setBody(verdict.nextBody);
                },
              },
            ]);
          },
        },
        (error, result) => {
          if (error) return reject(error);
          errors += result.errors;
          resolve({ requests, duration: result.duration });
        },
      );
      instance.on("response", (_client, _status, _bytes, responseTime) => {
        latencies.push(responseTime);
      });
    });
  });
  const finished = await Promise.all(runs);
  // Log lines of the last responses may still be on their way through the servers' stdout.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const counts = stopListening();
  const cpuAfter = cpu();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return {
    route: route.name,
    connections,
    requests: latencies.length,
    rps: finished.reduce((sum, f) => sum + (f.duration > 0 ? f.requests / f.duration : 0), 0),
    p50: at(0.5),
    p99: at(0.99),
    errors,
    queries: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : null,
    cpuMs:
      cpuBefore === null || cpuAfter === null || latencies.length === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / latencies.length,
  };
}
