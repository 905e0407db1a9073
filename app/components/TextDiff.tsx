// Word differences as <ins> and <del>, announced to screen readers as "added" and "removed".
import type { DiffPart } from "~/domain/text-diff";

export function TextDiff({ parts }: { parts: DiffPart[] }) {
  if (parts.length === 0) return <em>Empty</em>;
  return (
    <>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never move
          <span key={i}>{part.text}</span>
        ) : part.kind === "added" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never move
          <ins key={i} className="tandem-diff-added">
            <span className="govuk-visually-hidden">[added: </span>
            {part.text}
            <span className="govuk-visually-hidden">]</span>
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never move
          <del key={i} className="tandem-diff-removed">
            <span className="govuk-visually-hidden">[removed: </span>
            {part.text}
            <span className="govuk-visually-hidden">]</span>
          </del>
        ),
      )}
    </>
  );
}
