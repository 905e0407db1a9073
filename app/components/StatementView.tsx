// A problem statement's text, field by field (empty fields say so).
import { CATEGORY_LABELS, STATEMENT_FIELDS, type StatementText } from "~/domain/problem-statement";

export function StatementView({
  text,
  headingLevel = 3,
  idPrefix,
}: {
  text: StatementText;
  headingLevel?: 2 | 3 | 4;
  /** When set, each field's heading gets the id `${idPrefix}-${field}`, for error summary links. */
  idPrefix?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {STATEMENT_FIELDS.map((field) => {
        const raw = text[field.name];
        const value =
          field.name === "category" && raw ? CATEGORY_LABELS[raw as keyof typeof CATEGORY_LABELS] : raw;
        return (
          <div key={field.name}>
            <Heading
              className="govuk-heading-s govuk-!-margin-bottom-1"
              id={idPrefix ? `${idPrefix}-${field.name}` : undefined}
              tabIndex={idPrefix ? -1 : undefined}
            >
              {field.label}
            </Heading>
            <p className="govuk-body tandem-pre-line">{value ? value : <em>Not written yet</em>}</p>
          </div>
        );
      })}
    </>
  );
}
