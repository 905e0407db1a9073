// The mentors' reviews of a statement, newest first.
import type { StatementPage } from "./page.server";

export function ReviewHistory({ reviews }: { reviews: StatementPage["reviews"] }) {
  if (reviews.length === 0) return null;
  return (
    <section aria-labelledby="reviews-heading">
      <h2 className="govuk-heading-m" id="reviews-heading">
        Reviews
      </h2>
      <ul className="govuk-list">
        {[...reviews].reverse().map((r) => (
          <li key={r.id} className="tandem-actions__item">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>{r.mentor}</strong> {r.decision === "approved" ? "approved" : "asked for changes to"}{" "}
              version {r.version}
              {r.reviewer ? ` (recorded by ${r.reviewer}: ${r.reason})` : ""}, {r.at}
            </p>
            {r.comment ? <p className="govuk-body tandem-pre-line">{r.comment}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
