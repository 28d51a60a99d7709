import { categories } from "@bazaar/db";
import { CategoryUpdateInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidField, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { isUniqueViolation } from "../platform/text";
import { type CategoryDto, checkParentCategory, toCategoryDto } from "./queries";

export async function updateCategory(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CategoryUpdateInput>,
): Promise<CategoryDto> {
  const { id, ...input } = CategoryUpdateInput.parse(raw);
  await checkParentCategory(deps.db, input.parentId, id);
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
    return toCategoryDto(row);
  } catch (e) {
    if (isUniqueViolation(e))
      throw invalidField("slug", "category.slug_taken", "Another category has this slug");
    throw e;
  }
}
