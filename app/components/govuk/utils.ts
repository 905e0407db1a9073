/** Joins class names, skipping falsy entries. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** Joins element ids for `aria-describedby`; returns undefined when there are none so the attribute is omitted. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  return cx(...ids) || undefined;
}

/**
 * Radio and checkbox item ids: the first item gets the bare prefix (so an error summary can link to it),
 * later ones `${idPrefix}-2`, `${idPrefix}-3`…
 */
export function choiceItemId(idPrefix: string, index: number): string {
  return index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
}
