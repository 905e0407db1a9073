import type { ReactNode } from "react";

export interface BackLinkProps {
  href: string;
  children?: ReactNode;
}

export function BackLink({ href, children = "Back" }: BackLinkProps) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}
