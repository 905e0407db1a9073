// One criterion of the pitch-day rubric as a reader sees it: its heading, what it looks for, and each level's
// descriptor from the lowest score up.
import type { ReactNode } from "react";

type Criterion = { description: string; levels: readonly string[] };

export function RubricCriterion({ heading, criterion }: { heading: ReactNode; criterion: Criterion }) {
  return (
    <div>
      {heading}
      <p className="govuk-body">{criterion.description}</p>
      <ol className="govuk-list govuk-list--number">
        {criterion.levels.map((level) => (
          <li key={level}>{level}</li>
        ))}
      </ol>
    </div>
  );
}
