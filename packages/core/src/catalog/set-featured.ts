import { products } from "@bazaar/db";
import { FeatureInput } from "@bazaar/schemas";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";

export async function setFeatured(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof FeatureInput>,
): Promise<{ ok: true }> {
  const input = FeatureInput.parse(raw);
  const [row] = await deps.db
    .update(products)
    .set({ featured: input.featured, updatedAt: deps.now() })
    .where(and(eq(products.id, input.productId), inArray(products.status, ["approved"])))
    .returning({ id: products.id });
  if (!row) throw notFound("product.not_found", "No approved product with this id");
  await audit(deps.db, {
    actorId: actor.userId,
    action: input.featured ? "product.featured" : "product.unfeatured",
    targetType: "product",
    targetId: row.id,
  });
  await deps.cache.bump("catalog");
  return { ok: true };
}
