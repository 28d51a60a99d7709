import { categories } from "@bazaar/db";
import type { CategoryNode } from "@bazaar/schemas";
import { asc } from "drizzle-orm";
import { type BrowseDeps, CACHE_NS, TTL } from "./queries";

export type CategoryRow = {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  position: number;
};

/** Every category, flat, in display order (position, then name). Cached: the tree is small and read often. */
export function loadCategories(deps: BrowseDeps): Promise<CategoryRow[]> {
  return deps.cache.wrap(CACHE_NS, "categories:flat", TTL.categories, () =>
    deps.db
      .select({
        id: categories.id,
        parentId: categories.parentId,
        name: categories.name,
        slug: categories.slug,
        position: categories.position,
      })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.name), asc(categories.id)),
  );
}

/** The public category tree: roots and children each ordered by position, then name. */
export function categoryTree(deps: BrowseDeps): Promise<CategoryNode[]> {
  return deps.cache.wrap(CACHE_NS, "categories:tree", TTL.categories, async () =>
    buildTree(await loadCategories(deps)),
  );
}

export function buildTree(rows: CategoryRow[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: CategoryNode[] = [];
  // Rows arrive in display order, so appending keeps every level ordered.
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
