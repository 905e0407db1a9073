import { cx } from "./utils";

export interface PaginationLink {
  href: string;
  /** Replaces the default "Previous page" / "Next page" text. */
  text?: string;
  /** Shown under the link text, e.g. the title of the page linked to (only without `items`). */
  labelText?: string;
}

export type PaginationItem = { number: number; href: string; current?: boolean } | { ellipsis: true };

export interface PaginationProps {
  previous?: PaginationLink;
  next?: PaginationLink;
  items?: PaginationItem[];
  landmarkLabel?: string;
}

function PreviousIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--prev"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
    </svg>
  );
}

function NextIcon() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--next"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
    </svg>
  );
}

function ArrowLink({
  link,
  type,
  blockLevel,
}: {
  link: PaginationLink;
  type: "prev" | "next";
  blockLevel: boolean;
}) {
  const Icon = type === "prev" ? PreviousIcon : NextIcon;
  const iconFirst = blockLevel || type === "prev";
  return (
    <div className={`govuk-pagination__${type}`}>
      <a className="govuk-link govuk-pagination__link" href={link.href} rel={type}>
        {iconFirst && <Icon />}
        <span
          className={cx(
            "govuk-pagination__link-title",
            blockLevel && !link.labelText && "govuk-pagination__link-title--decorated",
          )}
        >
          {link.text ?? (
            <>
              {type === "prev" ? "Previous" : "Next"}
              <span className="govuk-visually-hidden"> page</span>
            </>
          )}
        </span>
        {link.labelText && blockLevel && (
          <>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{link.labelText}</span>
          </>
        )}
        {!iconFirst && <Icon />}
      </a>
    </div>
  );
}

export function Pagination({ previous, next, items, landmarkLabel = "Pagination" }: PaginationProps) {
  const blockLevel = !items?.length && Boolean(previous || next);
  return (
    <nav
      className={cx("govuk-pagination", blockLevel && "govuk-pagination--block")}
      aria-label={landmarkLabel}
    >
      {previous && <ArrowLink link={previous} type="prev" blockLevel={blockLevel} />}
      {items?.length ? (
        <ul className="govuk-pagination__list">
          {items.map((item, index) =>
            "ellipsis" in item ? (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: ellipses have nothing else to key on
                key={`ellipsis-${index}`}
                className="govuk-pagination__item govuk-pagination__item--ellipsis"
              >
                {"\u22EF"}
              </li>
            ) : (
              <li
                key={item.number}
                className={cx("govuk-pagination__item", item.current && "govuk-pagination__item--current")}
              >
                <a
                  className="govuk-link govuk-pagination__link"
                  href={item.href}
                  aria-label={`Page ${item.number}`}
                  aria-current={item.current ? "page" : undefined}
                >
                  {item.number}
                </a>
              </li>
            ),
          )}
        </ul>
      ) : null}
      {next && <ArrowLink link={next} type="next" blockLevel={blockLevel} />}
    </nav>
  );
}
