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

/**
 * How many rows a text box needs to show all of `text` on a phone (about 30 characters a line) without scrolling:
 * each level of a rubric, however long, is in view when the coordinator checks it.
 */
export function rowsToShowAll(text: string | undefined, fewest: number): number {
  const lines = (text ?? "").split(/\r?\n/);
  const needed = lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 30)), 0);
  return Math.max(fewest, needed + 1);
}
