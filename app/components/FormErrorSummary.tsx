// The GOV.UK error summary for a form, and "Error: " in front of the page title while it shows.
import { useEffect } from "react";
import { ErrorSummary } from "./govuk";

/** What the summary reads of a Conform form: every field's errors by name, and the form's own (a conflict). */
type FormLike = { errors?: string[]; allErrors: Record<string, string[]> };

type Props = {
  /** A Conform form's metadata. */
  form: FormLike;
  /** Where a field's link points when its first input's id is not its name (a date's day box). */
  ids?: Record<string, string>;
};

/** A field's errors as summary links, in the order the fields were reported; the form's own errors first. */
export function summaryErrors(form: FormLike): Record<string, string> {
  const errors: Record<string, string> = {};
  const own = form.allErrors[""] ?? form.errors;
  if (own?.[0]) errors[""] = own[0];
  for (const [name, messages] of Object.entries(form.allErrors)) {
    if (name && messages[0]) errors[name] ??= messages[0];
  }
  return errors;
}

export function FormErrorSummary({ form, ids }: Props) {
  const list = Object.entries(summaryErrors(form)).map(([name, text]) => ({
    href: name ? `#${ids?.[name] ?? name}` : undefined,
    text,
  }));
  const hasErrors = list.length > 0;
  // Re-applied after every render: a revalidation re-renders the page title without the prefix.
  useEffect(() => {
    if (hasErrors && !document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
  });
  useEffect(
    () => () => {
      document.title = document.title.replace(/^Error: /, "");
    },
    [],
  );
  return <ErrorSummary errors={list} />;
}
