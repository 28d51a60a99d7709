type FirstPage = { items: unknown[]; nextCursor: string | null } | undefined;

/**
 * How many wait, read from the first page of a list: "3", or "20+" when there are more
 * pages; null while loading. No list has a count of its own (see the returns, reviews and
 * questions routers), and a first page is what the seller would work through anyway.
 */
export function countOf(page: FirstPage): string | null {
  if (!page) return null;
  return `${page.items.length}${page.nextCursor ? "+" : ""}`;
}

/** "Returns (3)" in the nav; nothing added while loading, on error, or at zero. */
export function withCount(label: string, page: FirstPage) {
  if (!page || page.items.length === 0) return label;
  return `${label} (${countOf(page)})`;
}
