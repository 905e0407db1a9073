// A paragraph that is one link to another page of Tandem ("Back to sign in", "See the overall ranking").
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function LinkParagraph({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to}>
        {children}
      </Link>
    </p>
  );
}
