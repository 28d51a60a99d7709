import { type Database, returns } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { notify, returnNotice } from "../notifications";
import type { Effects } from "../orders";
import type { Deps } from "../platform/deps";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { recordReturnStep } from "./steps";

/**
 * Called by payments inside the transaction that marks a gateway refund processed: the
 * return it pays back becomes refunded, once (a second run finds it refunded already),
 * and the buyer is told. Returns whether this call settled it.
 */
export async function settleReturnRefund(
  deps: Pick<Deps, "urls">,
  tx: Database,
  fx: Effects,
  input: { returnId: string; amount: number; at: Date },
): Promise<boolean> {
  const [ret] = await tx
    .update(returns)
    .set({ status: "refunded", refundStatus: "paid", refundedAt: input.at, updatedAt: input.at })
    .where(and(eq(returns.id, input.returnId), eq(returns.status, "received")))
    .returning();
  if (!ret) return false;
  await recordReturnStep(tx, fx, {
    ret,
    to: "refunded",
    actor: { kind: "system", userId: null },
    at: input.at,
  });
  await fx.email(tx, ret.customerId, "return_refunded", {
    number: ret.number,
    amount: input.amount,
    how: "original",
    reference: "",
    url: `${deps.urls.customer}/returns/${ret.id}`,
  });
  fx.notified.push(
    await notify(
      tx,
      returnNotice(ret.customerId, "customer", ret, { type: "refunded", amount: input.amount }),
    ),
  );
  await emitWebhookEvent(tx, returnWebhookEvent("return.refunded", ret, { amount: input.amount }));
  return true;
}
