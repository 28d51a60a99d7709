import { categories, type Database, products } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";
import { invalidField, invalidState, notFound } from "../errors";
import type { Deps } from "../platform/deps";
export type CategoryDto = {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  position: number;
};
export const toCategoryDto = (c: typeof categories.$inferSelect): CategoryDto => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  parentId: c.parentId,
  position: c.position,
});

export async function checkParentCategory(
  db: Database,
  parentId: string | null | undefined,
  selfId?: string,
) {
  if (!parentId) return;
  const [p] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, parentId));
  if (!p) throw invalidField("parentId", "category.parent_not_found", "Parent category not found");
  if (!selfId) return;
  // Moving a category under itself or one of its descendants would make a cycle.
  const rows = await db.execute(sql`
    with recursive up as (
      select id, parent_id from categories where id = ${parentId}
      union all
      select c.id, c.parent_id from categories c join up on c.id = up.parent_id
    ) select 1 from up where id = ${selfId} limit 1`);
  if ((rows as unknown as { rows: unknown[] }).rows.length > 0) {
    throw invalidField(
      "parentId",
      "category.cycle",
      "A category cannot sit under itself or its own subcategory",
    );
  }
}

export async function lockForReview(tx: Deps["db"], id: string) {
  const [p] = await tx.select().from(products).where(eq(products.id, id)).for("update");
  if (!p) throw notFound("product.not_found", "Product not found");
  if (p.status !== "pending_review" && p.revisionStatus !== "pending_review") {
    throw invalidState("product.not_awaiting_review", "This product has nothing awaiting review");
  }
  return p;
}
