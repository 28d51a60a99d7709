import { type Database, orders, subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { returnWindowsOf } from "../sellers";
import { deliveryFigures } from "./amounts";
import { readFinanceSettings } from "./finance-settings";
import { postEntries } from "./post-entries";

const rupees = (paise: number) => `₹${(paise / 100).toFixed(2)}`;

/**
 * Called by orders inside the transaction that marks a sub-order delivered (the caller holds
 * its row lock): credits its total to the seller's pending balance, debits commission, the
 * gateway fee with its GST (online orders) and TCS (see amounts.ts), and sets when the money
 * becomes available: delivery plus the shop's return window (at once for a shop that takes
 * no returns). Idempotent: keys `sale:<subOrderId>`, `commission:…`, `gateway_fee:…`, `tcs:…`.
 * Returns the release time; the caller schedules `scheduleRelease` after commit.
 */
export async function postDelivery(
  tx: Database,
  input: { subOrderId: string; at: Date },
): Promise<{ releaseAt: Date }> {
  const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, input.subOrderId));
  if (!sub) throw new Error(`postDelivery: no sub-order ${input.subOrderId}`);
  if (sub.fundsReleaseAt) return { releaseAt: sub.fundsReleaseAt };
  const [order] = await tx
    .select({ paymentMethod: orders.paymentMethod })
    .from(orders)
    .where(eq(orders.id, sub.orderId));
  const settings = await readFinanceSettings(tx);
  const f = deliveryFigures(
    {
      total: sub.total,
      gstIncluded: sub.gstIncluded,
      commissionBps: sub.commissionBps,
      online: order!.paymentMethod !== "cod",
    },
    settings,
  );
  const ref = { orderId: sub.orderId, subOrderId: sub.id };
  await postEntries(
    tx,
    sub.sellerId,
    [
      {
        ...ref,
        kind: "sale",
        bucket: "pending",
        amount: f.sale,
        idempotencyKey: `sale:${sub.id}`,
        description: `Sale ${sub.number} delivered`,
      },
      {
        ...ref,
        kind: "commission",
        bucket: "pending",
        amount: -f.commission,
        idempotencyKey: `commission:${sub.id}`,
        description: `Commission ${sub.commissionBps / 100}% on ${sub.number}`,
      },
      {
        ...ref,
        kind: "gateway_fee",
        bucket: "pending",
        amount: -(f.gatewayFee + f.gatewayFeeGst),
        idempotencyKey: `gateway_fee:${sub.id}`,
        description: `Payment gateway fee ${settings.gatewayFeeBps / 100}% (${rupees(f.gatewayFee)}) + GST ${settings.gatewayFeeGstBps / 100}% (${rupees(f.gatewayFeeGst)}) on ${sub.number}`,
      },
      {
        ...ref,
        kind: "tcs",
        bucket: "pending",
        amount: -f.tcs,
        idempotencyKey: `tcs:${sub.id}`,
        description: `TCS ${settings.tcsBps / 100}% on ${rupees(sub.total - sub.gstIncluded)} (value before GST) of ${sub.number}`,
      },
    ],
    input.at,
  );
  const days = (await returnWindowsOf(tx, [sub.sellerId])).get(sub.sellerId) ?? 0;
  const deliveredAt = sub.deliveredAt ?? input.at;
  const releaseAt = new Date(deliveredAt.getTime() + Math.max(0, days) * 86_400_000);
  await tx.update(subOrders).set({ fundsReleaseAt: releaseAt }).where(eq(subOrders.id, sub.id));
  return { releaseAt };
}

/** After commit: the job that releases the sub-order's money when its window closes (the sweep catches a lost one). */
export async function scheduleRelease(
  deps: Pick<Deps, "jobs" | "now">,
  subOrderId: string,
  releaseAt: Date,
): Promise<void> {
  await deps.jobs.enqueue(
    "ledger.release",
    { subOrderId },
    { delayMs: Math.max(0, releaseAt.getTime() - deps.now().getTime()), dedupeKey: `release:${subOrderId}` },
  );
}
