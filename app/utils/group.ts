// Rows of one query over many parents (cohorts, events), sorted into one list per parent.

/** A list per key, every key present (empty when no item has it), each list in the items' order. */
export function groupBy<K, T, V>(
  keys: readonly K[],
  items: readonly T[],
  entryOf: (item: T) => readonly [K, V],
): Map<K, V[]> {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const item of items) {
    const [key, value] = entryOf(item);
    groups.get(key)?.push(value);
  }
  return groups;
}
