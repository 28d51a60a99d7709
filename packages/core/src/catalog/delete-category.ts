import { categories, products } from "@bazaar/db";
import { IdInput } from "@bazaar/schemas";
import { count, eq } from "drizzle-orm";
import { conflict, invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";

/** Refused while products or subcategories still point at it: nothing is orphaned. */
export async function deleteCategory(deps: Deps, actor: Actor, raw: IdInput): Promise<{ ok: true }> {
  const { id } = IdInput.parse(raw);
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(categories).where(eq(categories.id, id)).for("update");
    if (!row) throw notFound("category.not_found", "Category not found");
    const [{ n: productCount } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(products)
      .where(eq(products.categoryId, id));
    if (productCount > 0) {
      throw invalidState(
        "category.has_products",
        `This category still has ${productCount} product(s). Move them first.`,
        { productCount },
      );
    }
    const [{ n: childCount } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(categories)
      .where(eq(categories.parentId, id));
    if (childCount > 0) throw conflict("category.has_children", "Delete or move its subcategories first");
    await tx.delete(categories).where(eq(categories.id, id));
    await audit(tx, {
      actorId: actor.userId,
      action: "category.deleted",
      targetType: "category",
      targetId: id,
      data: { slug: row.slug },
    });
  });
  await deps.cache.bump("catalog");
  return { ok: true };
}
