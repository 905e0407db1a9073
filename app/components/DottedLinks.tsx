// Links to related pages in one line, separated by middle dots.
import { Link } from "@remix-run/react";
import { Fragment } from "react";

/** A page of Tandem (`to`), or a file or a page to load as it is (`href`). */
export type DottedLink = { text: string } & ({ to: string } | { href: string; download?: true });

export function DottedLinks({ links }: { links: DottedLink[] }) {
  return (
    <>
      {links.map((link, index) => (
        <Fragment key={link.text}>
          {index > 0 ? " · " : null}
          {"to" in link ? (
            <Link className="govuk-link" to={link.to}>
              {link.text}
            </Link>
          ) : (
            <a className="govuk-link" href={link.href} download={link.download}>
              {link.text}
            </a>
          )}
        </Fragment>
      ))}
    </>
  );
}
