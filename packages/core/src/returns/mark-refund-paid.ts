import { orders, returns, subOrders } from "@bazaar/db";
import { type AdminReturnDto, MarkRefundPaidInput } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidState } from "../errors";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { toAdminReturnDto } from "./admin-views";
import { findReturn } from "./queries";
import { recordReturnStep } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * Admin: a cash-on-delivery refund was paid by hand (UPI or bank transfer) with this
 * reference. Counted against the order and sub-order once (the return's row lock and its
 * state make a second call an invalid move), audited, and the buyer is told.
 */
export async function markReturnRefundPaid(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof MarkRefundPaidInput>,
): Promise<AdminReturnDto> {
  const input = MarkRefundPaidInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, input.id, undefined, true);
    assertReturnMove(ret.status, "refunded", "admin");
    if (ret.refundMethod !== "manual" || ret.refundStatus !== "owed")
      throw invalidState(
        "return.refund_not_owed",
        "This refund goes back through the online payment by itself; there is nothing to pay by hand",
        { refundMethod: ret.refundMethod, refundStatus: ret.refundStatus },
      );
    const amount = ret.itemsAmount + ret.shippingAmount;
    const [sub] = await tx
      .update(subOrders)
      .set({ refundedAmount: sql`${subOrders.refundedAmount} + ${amount}`, updatedAt: now })
      .where(
        and(
          eq(subOrders.id, ret.subOrderId),
          sql`${subOrders.refundedAmount} + ${amount} <= ${subOrders.total}`,
        ),
      )
      .returning({ id: subOrders.id });
    if (!sub)
      throw invalidState("return.refund_exceeds_paid", "This refund would pass what was paid for the order");
    await tx
      .update(orders)
      .set({ refundedAmount: sql`${orders.refundedAmount} + ${amount}`, updatedAt: now })
      .where(eq(orders.id, ret.orderId));
    await tx
      .update(returns)
      .set({
        status: "refunded",
        refundStatus: "paid",
        refundReference: input.reference,
        refundedAt: now,
        updatedAt: now,
      })
      .where(eq(returns.id, ret.id));
    await recordReturnStep(tx, fx, {
      ret,
      to: "refunded",
      actor: { kind: "admin", userId: actor.userId },
      note: `Paid to ${ret.refundAccountLabel ?? "the buyer"}, reference ${input.reference}`,
      at: now,
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "return.refund_paid",
      targetType: "return",
      targetId: ret.id,
      data: { amount, reference: input.reference, account: ret.refundAccountLabel },
    });
    await fx.email(tx, ret.customerId, "return_refunded", {
      number: ret.number,
      amount,
      how: ret.refundAccountLabel ?? "",
      reference: input.reference,
      url: `${deps.urls.customer}/returns/${ret.id}`,
    });
    fx.notified.push(
      await notify(tx, returnNotice(ret.customerId, "customer", ret, { type: "refunded", amount })),
    );
    await emitWebhookEvent(tx, returnWebhookEvent("return.refunded", ret, { amount }));
  });
  await fx.release(deps);
  return toAdminReturnDto(deps, await findReturn(deps.db, input.id), deps.now());
}
