import { returns } from "@bazaar/db";
import { ReturnIdInput, type SellerReturnDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { findReturn, ofSeller } from "./queries";
import { toSellerReturnDto } from "./seller-views";
import { recordReturnStep } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * The seller agrees to take the units back; the buyer ships them. Under the return's row
 * lock, so two approvals at once give one (the second finds it approved already).
 */
export async function approveReturn(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof ReturnIdInput>,
): Promise<SellerReturnDto> {
  const { id } = ReturnIdInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, id, ofSeller(actor.sellerId), true);
    assertReturnMove(ret.status, "approved", "seller");
    await audit(tx, {
      actorId: actor.userId,
      action: "return.approved",
      targetType: "return",
      targetId: ret.id,
      before: { status: ret.status },
      after: { status: "approved" },
    });
    await tx
      .update(returns)
      .set({ status: "approved", decidedAt: now, updatedAt: now })
      .where(eq(returns.id, ret.id));
    await recordReturnStep(tx, fx, {
      ret,
      to: "approved",
      actor: { kind: "seller", userId: actor.userId },
      at: now,
    });
    await fx.email(tx, ret.customerId, "return_approved", {
      number: ret.number,
      url: `${deps.urls.customer}/returns/${ret.id}`,
    });
    fx.notified.push(await notify(tx, returnNotice(ret.customerId, "customer", ret, { type: "approved" })));
    await emitWebhookEvent(tx, returnWebhookEvent("return.approved", ret, { decidedBy: "seller" }));
  });
  await fx.release(deps);
  return toSellerReturnDto(deps.db, await findReturn(deps.db, id), deps.now());
}
