// Counts the SQL queries each request runs (for the request log, the benchmark and the query-discipline test).
// The counter travels with the request through AsyncLocalStorage; it lives on globalThis because the server
// script and the Remix build each load their own copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

export type QueryCounter = { queries: number };

const holder = globalThis as typeof globalThis & { __tandemQueryCounter?: AsyncLocalStorage<QueryCounter> };
holder.__tandemQueryCounter ??= new AsyncLocalStorage<QueryCounter>();
const storage = holder.__tandemQueryCounter;

/** Runs `fn` with a fresh counter that every query made on its behalf adds to. */
export function withQueryCounter<T>(counter: QueryCounter, fn: () => T): T {
  return storage.run(counter, fn);
}

/** Called by the connection's logger once per query executed. */
export function noteQuery(): void {
  const counter = storage.getStore();
  if (counter) counter.queries += 1;
}
