import { categories, type Database, products } from "@bazaar/db";
import { CategoryInput, CategoryUpdateInput, IdInput } from "@bazaar/schemas";
import { count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { conflict, invalidField, invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { isUniqueViolation, slugify } from "../platform/text";

export type CategoryDto = {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  position: number;
};
const toDto = (c: typeof categories.$inferSelect): CategoryDto => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  parentId: c.parentId,
  position: c.position,
});

async function assertParent(db: Database, parentId: string | null | undefined, selfId?: string) {
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

export async function createCategory(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CategoryInput>,
): Promise<CategoryDto> {
  const input = CategoryInput.parse(raw);
  await assertParent(deps.db, input.parentId);
  try {
    const [row] = await deps.db
      .insert(categories)
      .values({
        name: input.name,
        slug: input.slug ?? slugify(input.name),
        parentId: input.parentId ?? null,
        position: input.position ?? 0,
      })
      .returning();
    await audit(deps.db, {
      actorId: actor.userId,
      action: "category.created",
      targetType: "category",
      targetId: row!.id,
    });
    await deps.cache.bump("catalog");
    return toDto(row!);
  } catch (e) {
    if (isUniqueViolation(e))
      throw invalidField("slug", "category.slug_taken", "Another category has this slug");
    throw e;
  }
}

export async function updateCategory(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CategoryUpdateInput>,
): Promise<CategoryDto> {
  const { id, ...input } = CategoryUpdateInput.parse(raw);
  await assertParent(deps.db, input.parentId, id);
  try {
    const [row] = await deps.db
      .update(categories)
      .set({ ...input, updatedAt: deps.now() })
      .where(eq(categories.id, id))
      .returning();
    if (!row) throw notFound("category.not_found", "Category not found");
    await audit(deps.db, {
      actorId: actor.userId,
      action: "category.updated",
      targetType: "category",
      targetId: id,
      data: input,
    });
    await deps.cache.bump("catalog");
    return toDto(row);
  } catch (e) {
    if (isUniqueViolation(e))
      throw invalidField("slug", "category.slug_taken", "Another category has this slug");
    throw e;
  }
}

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
