// The numbered links of GOV.UK pagination for a list of many pages.
import type { PaginationItem } from "./govuk";

/** The first and last pages and those either side of the current one; a gap between them is an ellipsis. */
export function paginationItems(
  page: number,
  pages: number,
  href: (page: number) => string,
): PaginationItem[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  wanted.forEach((n, i) => {
    if (i > 0 && n - wanted[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === page });
  });
  return items;
}
