// Differences between two texts, word by word (a longest-common-subsequence diff), for version histories.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Words and the spaces between them as separate tokens, so joining the tokens gives back the text. */
export function tokenise(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Above this many token pairs the table would be too big: the texts are shown as removed then added. */
const MAX_CELLS = 4_000_000;

/**
 * The edits that turn `before` into `after`: same / removed / added runs, in reading order. Joining the
 * "same" and "removed" parts gives `before`; joining "same" and "added" gives `after`.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenise(before);
  const b = tokenise(after);
  // Common start and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = diffMiddle(a.slice(start, endA), b.slice(start, endB));
  return merge([
    { kind: "same", text: a.slice(0, start).join("") },
    ...middle,
    { kind: "same", text: a.slice(endA).join("") },
  ]);
}

function diffMiddle(a: string[], b: string[]): DiffPart[] {
  if (a.length === 0) return [{ kind: "added", text: b.join("") }];
  if (b.length === 0) return [{ kind: "removed", text: a.join("") }];
  if (a.length * b.length > MAX_CELLS)
    return [
      { kind: "removed", text: a.join("") },
      { kind: "added", text: b.join("") },
    ];
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lengths[i]!;
    const next = lengths[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      parts.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      parts.push({ kind: "removed", text: a[i]! });
      i++;
    } else {
      parts.push({ kind: "added", text: b[j]! });
      j++;
    }
  }
  while (i < n) parts.push({ kind: "removed", text: a[i++]! });
  while (j < m) parts.push({ kind: "added", text: b[j++]! });
  return parts;
}

/** Joins neighbouring parts of the same kind and drops empty ones. */
function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** Whether the two texts differ at all. */
export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same");
}
