import { products } from "@bazaar/db";
import { IdInput, type SellerProductDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { afterImagesRemoved } from "./media-cleanup";
import { loadSellerProduct } from "./product-dto";
import { findOwnProductForUpdate, reloadProduct } from "./product-rules";

/** Throws away a pending or rejected edit of a live product; the live version is untouched. */
export async function discardRevision(
  deps: Deps,
  actor: SellerActor,
  raw: IdInput,
): Promise<SellerProductDto> {
  const { id } = IdInput.parse(raw);
  let proposedImages: string[] = [];
  const dto = await deps.db.transaction(async (tx) => {
    const p = await findOwnProductForUpdate(tx, actor.sellerId, id);
    if (!p.revisionStatus) throw invalidState("product.no_revision", "There is no edit to discard");
    proposedImages = p.revision?.imageIds ?? [];
    await tx
      .update(products)
      .set({ revision: null, revisionStatus: null, revisionReason: null, updatedAt: deps.now() })
      .where(eq(products.id, id));
    await audit(tx, {
      actorId: actor.userId,
      action: "product.revision_discarded",
      targetType: "product",
      targetId: id,
      before: { revision: p.revision, revisionStatus: p.revisionStatus },
      after: { revision: null, revisionStatus: null },
    });
    return loadSellerProduct(tx, await reloadProduct(tx, id));
  });
  await deps.cache.bump("catalog");
  await afterImagesRemoved(deps, proposedImages);
  return dto;
}
