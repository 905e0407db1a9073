// The GOV.UK error summary for a form, and "Error: " in front of the page title while it shows.
import { useEffect } from "react";
import { errorList, type FieldErrors } from "~/forms/parse";
import { ErrorSummary } from "./govuk";

export function FormErrorSummary({ errors, ids }: { errors?: FieldErrors; ids?: Record<string, string> }) {
  const list = errorList(errors, ids);
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
