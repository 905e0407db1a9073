import { type ReactNode, useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  /** Usually `#${fieldId}`; omit for errors that don't belong to a single field. */
  href?: string;
  text: string;
}

export interface ErrorSummaryProps {
  errors: ErrorSummaryItem[];
  title?: string;
  description?: ReactNode;
}

export function ErrorSummary({ errors, title = "There is a problem", description }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Changes whenever a submission produces a different set of errors, but not on unrelated re-renders.
  const errorKey = errors.map((error) => `${error.href}:${error.text}`).join("\n");

  // Move focus to the summary, as govuk-frontend's JavaScript does, so screen readers announce it.
  useEffect(() => {
    const element = ref.current;
    if (!errorKey || !element) return;
    element.setAttribute("tabindex", "-1");
    element.addEventListener("blur", () => element.removeAttribute("tabindex"), { once: true });
    element.focus();
  }, [errorKey]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href}:${error.text}`}>
                {error.href ? <a href={error.href}>{error.text}</a> : error.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
