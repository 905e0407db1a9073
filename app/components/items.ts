// The items of GOV.UK radios, checkboxes and selects, made from Tandem's label tables and from lists of records.
import type { SelectItem } from "./govuk";

/**
 * One item for each entry of a label table (its key the value, its label the text), with any hint given for it; for
 * radios, checkboxes or a select.
 */
export function labelItems<Value extends string>(
  labels: Record<Value, string>,
  hints?: Partial<Record<Value, string>>,
): Array<{ value: Value; text: string; hint?: string }> {
  return (Object.entries(labels) as Array<[Value, string]>).map(([value, text]) =>
    hints ? { value, text, hint: hints[value] } : { value, text },
  );
}

/** A select's items: the empty choice first (such as "Choose a team"), then one for each record, valued by its id. */
export function recordItems<Item extends { id: number }>(
  none: string,
  records: readonly Item[],
  text: (record: Item) => string,
): SelectItem[] {
  return [
    { value: "", text: none },
    ...records.map((record) => ({ value: String(record.id), text: text(record) })),
  ];
}
