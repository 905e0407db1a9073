// Counts the SQL queries each request runs (for the request log, the benchmark and the query-discipline test).
// The counter travels with the request through AsyncLocalStorage.
import { AsyncLocalStorage } from "node:async_hooks";

export type QueryCounter = { queries: number };

const storage = new AsyncLocalStorage<QueryCounter>();

/** Runs `fn` with a fresh counter that every query made on its behalf adds to. */
export function withQueryCounter<T>(counter: QueryCounter, fn: () => T): T {
  return storage.run(counter, fn);
}

/** Called by the connection's logger once per query executed. */
export function noteQuery(): void {
  const counter = storage.getStore();
  if (counter) counter.queries += 1;
}
