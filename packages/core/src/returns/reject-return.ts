import { returns } from "@bazaar/db";
import { ReturnRejectInput, type SellerReturnDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { escalateUntil, findReturn, ofSeller } from "./queries";
import { toSellerReturnDto } from "./seller-views";
import { recordReturnStep, releaseUnits } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * The seller refuses a return, saying why. The units go back to the lines (the buyer may
 * send a corrected request while the window is open) and the buyer has 48 hours to
 * escalate to Bazaar.
 */
export async function rejectReturn(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof ReturnRejectInput>,
): Promise<SellerReturnDto> {
  const input = ReturnRejectInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, input.id, ofSeller(actor.sellerId), true);
    assertReturnMove(ret.status, "rejected", "seller");
    await audit(tx, {
      actorId: actor.userId,
      action: "return.rejected",
      targetType: "return",
      targetId: ret.id,
      before: { status: ret.status, rejectReason: ret.rejectReason },
      after: { status: "rejected", rejectReason: input.reason },
    });
    const [after] = await tx
      .update(returns)
      .set({
        status: "rejected",
        rejectReason: input.reason,
        rejectedAt: now,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(returns.id, ret.id))
      .returning();
    await releaseUnits(tx, ret.id);
    await recordReturnStep(tx, fx, {
      ret,
      to: "rejected",
      actor: { kind: "seller", userId: actor.userId },
      note: input.reason,
      at: now,
    });
    await fx.email(tx, ret.customerId, "return_rejected", {
      number: ret.number,
      reason: input.reason,
      escalateUntil: escalateUntil(after!)?.toISOString() ?? "",
      url: `${deps.urls.customer}/returns/${ret.id}`,
    });
    fx.notified.push(
      await notify(
        tx,
        returnNotice(ret.customerId, "customer", ret, { type: "rejected", reason: input.reason }),
      ),
    );
    await emitWebhookEvent(
      tx,
      returnWebhookEvent("return.rejected", ret, { decidedBy: "seller", reason: input.reason }),
    );
  });
  await fx.release(deps);
  return toSellerReturnDto(deps.db, await findReturn(deps.db, input.id), deps.now());
}
