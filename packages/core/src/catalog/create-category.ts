import { categories } from "@bazaar/db";
import { CategoryInput } from "@bazaar/schemas";
import type { z } from "zod";
import { invalidField } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { isUniqueViolation, slugify } from "../platform/text";
import { type CategoryDto, checkParentCategory, toCategoryDto } from "./queries";

export async function createCategory(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CategoryInput>,
): Promise<CategoryDto> {
  const input = CategoryInput.parse(raw);
  await checkParentCategory(deps.db, input.parentId);
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
    return toCategoryDto(row!);
  } catch (e) {
    if (isUniqueViolation(e))
      throw invalidField("slug", "category.slug_taken", "Another category has this slug");
    throw e;
  }
}
