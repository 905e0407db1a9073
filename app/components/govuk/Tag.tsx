import type { ReactNode } from "react";
import { cx } from "./utils";

export type TagColour =
  | "grey"
  | "green"
  | "turquoise"
  | "blue"
  | "light-blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

// govuk-frontend 6 renamed turquoise and pink to teal and magenta (the old classes are deprecated).
const COLOUR_CLASS: Partial<Record<TagColour, string>> = { turquoise: "teal", pink: "magenta" };

export interface TagProps {
  children: ReactNode;
  colour?: TagColour;
  className?: string;
}

export function Tag({ children, colour, className }: TagProps) {
  return (
    <strong className={cx("govuk-tag", colour && `govuk-tag--${COLOUR_CLASS[colour] ?? colour}`, className)}>
      {children}
    </strong>
  );
}
