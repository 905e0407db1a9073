// Two people edit the problem statement from the same version and one saves first: a three-way merge of the
// fields. A field one of them changed takes that change; a field both changed the same way takes it; a field both
// changed differently is a conflict the second person settles, field by field.
import { STATEMENT_FIELDS, type StatementFieldName, type StatementText } from "./problem-statement";

export type StatementMerge = {
  /** The merged text; a conflicting field holds mine until the person chooses. */
  text: StatementText;
  /** The fields both changed differently, in the form's order. */
  conflicts: StatementFieldName[];
  /** The fields taken from theirs: changed by them only. */
  fromTheirs: StatementFieldName[];
};

/** Line endings and surrounding spaces are not a change (a browser sends CRLF, the database may hold LF). */
function same(a: string | null, b: string | null): boolean {
  const plain = (value: string | null) => (value ?? "").replaceAll("\r\n", "\n").trim();
  return plain(a) === plain(b);
}

/** Merges `mine` and `theirs`, both edited from `base` (the version the person started from). */
export function mergeStatements(
  base: StatementText,
  mine: StatementText,
  theirs: StatementText,
): StatementMerge {
  const text = { ...mine };
  const conflicts: StatementFieldName[] = [];
  const fromTheirs: StatementFieldName[] = [];
  for (const { name } of STATEMENT_FIELDS) {
    if (same(mine[name], theirs[name]) || same(base[name], theirs[name])) continue;
    if (same(base[name], mine[name])) {
      Object.assign(text, { [name]: theirs[name] });
      fromTheirs.push(name);
    } else conflicts.push(name);
  }
  return { text, conflicts, fromTheirs };
}

/** What the conflict form shows and carries after a save refused because another version was saved meanwhile. */
export type StatementConflict = {
  /** The version saved meanwhile: the form carries it, so saving again is checked against it. */
  version: number;
  /** Who saved it and when, as the page says it. */
  by: string;
  at: string;
  /** The merged text; each conflicting field holds the person's own until they choose. */
  text: StatementText;
  /** The text of the version saved meanwhile. */
  theirs: StatementText;
  conflicts: StatementFieldName[];
  fromTheirs: StatementFieldName[];
};
