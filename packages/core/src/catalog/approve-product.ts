import { products } from "@bazaar/db";
import { ModerationDecisionInput, type SellerProductDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type Notified, notify, productDecisionNotice, publishNotified, shopOwners } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emitWebhookEvent, productWebhookEvent } from "../webhooks";
import { afterImagesRemoved } from "./media-cleanup";
import { loadSellerProduct } from "./product-dto";
import { reloadProduct, replaceImages } from "./product-rules";
import { lockForReview } from "./queries";

/**
 * Approves a new product (it goes live) or a pending edit (the revision replaces the
 * live fields in one transaction; images it dropped are deleted from the store later).
 */
export async function approveProduct(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ModerationDecisionInput>,
): Promise<SellerProductDto> {
  const input = ModerationDecisionInput.parse(raw);
  const now = deps.now();
  let removed: string[] = [];
  const notified: Notified[] = [];
  const dto = await deps.db.transaction(async (tx) => {
    const p = await lockForReview(tx, input.productId);
    if (p.status === "pending_review") {
      await tx
        .update(products)
        // A taken-down product that passes review again is no longer taken down.
        .set({ status: "approved", statusReason: null, takenDownAt: null, approvedAt: now, updatedAt: now })
        .where(eq(products.id, p.id));
    } else {
      const r = p.revision ?? {};
      if (r.imageIds) removed = await replaceImages(tx, p.id, r.imageIds);
      await tx
        .update(products)
        .set({
          ...(r.title !== undefined && { title: r.title }),
          ...(r.description !== undefined && { description: r.description }),
          ...(r.categoryId !== undefined && { categoryId: r.categoryId }),
          revision: null,
          revisionStatus: null,
          revisionReason: null,
          updatedAt: now,
        })
        .where(eq(products.id, p.id));
    }
    await audit(tx, {
      actorId: actor.userId,
      action: p.status === "pending_review" ? "product.approved" : "product.revision_approved",
      targetType: "product",
      targetId: p.id,
      before: { status: p.status, revisionStatus: p.revisionStatus },
      after:
        p.status === "pending_review"
          ? { status: "approved", revisionStatus: p.revisionStatus }
          : { status: p.status, revisionStatus: null },
      data: input.reason ? { note: input.reason } : undefined,
    });
    const owner = (await shopOwners(tx, [p.sellerId])).get(p.sellerId);
    const revision = p.status !== "pending_review";
    if (owner) notified.push(await notify(tx, productDecisionNotice(owner, p, { approved: true, revision })));
    await emitWebhookEvent(tx, productWebhookEvent("product.approved", p, { revision }));
    return loadSellerProduct(tx, await reloadProduct(tx, p.id));
  });
  await publishNotified(deps, ...notified);
  await deps.cache.bump("catalog");
  await afterImagesRemoved(deps, removed);
  return dto;
}
