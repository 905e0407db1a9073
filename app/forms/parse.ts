// Form parsing at the boundary: a zod schema per action, errors keyed by field for the GOV.UK error summary.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Form fields as plain values; repeated names become arrays. Files are left out. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

/** Validates form fields with a schema; the first message per field is kept, in the schema's order. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.output<S>> {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** The error summary's links: each field error points at the field's id (`#field`, or a named id). */
export function errorList(errors: FieldErrors | undefined, ids: Record<string, string> = {}) {
  return Object.entries(errors ?? {}).map(([field, text]) => ({ href: `#${ids[field] ?? field}`, text }));
}

export function fieldValue(values: FormValues | undefined, name: string): string | undefined {
  const value = values?.[name];
  return Array.isArray(value) ? value[0] : value;
}
