/**
 * "Returns (3)" in the nav: how many wait on the seller, read from the first page of a list
 * (so "20+" when there are more pages). Nothing is added while loading, on error, or at zero.
 */
export function withCount(label: string, page: { items: unknown[]; nextCursor: string | null } | undefined) {
  if (!page || page.items.length === 0) return label;
  return `${label} (${page.items.length}${page.nextCursor ? "+" : ""})`;
}
