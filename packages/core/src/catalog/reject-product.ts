import { products } from "@bazaar/db";
import { ModerationRejectInput, type SellerProductDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type Notified, notify, productDecisionNotice, publishNotified, shopOwners } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emitWebhookEvent, productWebhookEvent } from "../webhooks";
import { loadSellerProduct } from "./product-dto";
import { reloadProduct } from "./product-rules";
import { lockForReview } from "./queries";

/** Rejects a new product, or only the pending edit of a live one (the live version stays). */
export async function rejectProduct(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ModerationRejectInput>,
): Promise<SellerProductDto> {
  const input = ModerationRejectInput.parse(raw);
  const now = deps.now();
  const notified: Notified[] = [];
  const dto = await deps.db.transaction(async (tx) => {
    const p = await lockForReview(tx, input.productId);
    if (p.status === "pending_review") {
      await tx
        .update(products)
        .set({ status: "rejected", statusReason: input.reason, updatedAt: now })
        .where(eq(products.id, p.id));
    } else {
      await tx
        .update(products)
        .set({ revisionStatus: "rejected", revisionReason: input.reason, updatedAt: now })
        .where(eq(products.id, p.id));
    }
    await audit(tx, {
      actorId: actor.userId,
      action: p.status === "pending_review" ? "product.rejected" : "product.revision_rejected",
      targetType: "product",
      targetId: p.id,
      ...(p.status === "pending_review"
        ? {
            before: { status: p.status, statusReason: p.statusReason },
            after: { status: "rejected", statusReason: input.reason },
          }
        : {
            before: { revisionStatus: p.revisionStatus, revisionReason: p.revisionReason },
            after: { revisionStatus: "rejected", revisionReason: input.reason },
          }),
    });
    const owner = (await shopOwners(tx, [p.sellerId])).get(p.sellerId);
    const decision = { approved: false, revision: p.status !== "pending_review", reason: input.reason };
    if (owner) notified.push(await notify(tx, productDecisionNotice(owner, p, decision)));
    await emitWebhookEvent(
      tx,
      productWebhookEvent("product.rejected", p, { revision: decision.revision, reason: input.reason }),
    );
    return loadSellerProduct(tx, await reloadProduct(tx, p.id));
  });
  await publishNotified(deps, ...notified);
  await deps.cache.bump("catalog");
  return dto;
}
