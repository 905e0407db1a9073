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

/**
 * What a GOV.UK component reads of a form library's field metadata (Conform's `FieldMetadata` fits): the name, the
 * value to show (what was submitted, after an error) and the field's first error.
 */
export type FieldLike = { name: string; initialValue?: unknown; errors?: string[] | undefined };

/** A field's initial value as text (a repeated or nested value has none). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A field's initial value as a list of texts, for checkboxes. */
export function textsOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  const single = textOf(value);
  return single === undefined ? undefined : [single];
}

/** A component's own props win; the field fills in what they leave out. The id defaults to the name (GOV.UK style). */
export function bindField<P extends { id?: string; name?: string; error?: string; field?: FieldLike }>(
  props: P,
) {
  const name = props.name ?? props.field?.name ?? "";
  return { ...props, name, id: props.id ?? name, error: props.error ?? props.field?.errors?.[0] };
}
