import { type Database, orderItems, returnLines, returns } from "@bazaar/db";
import type { ReturnReason, ReturnStatus } from "@bazaar/schemas";
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { shippingRefund, unitsRefund } from "./amounts";

/** Returns that hold their units (and their share of the money): all but rejected and cancelled. */
export const LIVE_STATUSES: ReturnStatus[] = ["requested", "approved", "escalated", "received", "refunded"];

export type ItemRow = typeof orderItems.$inferSelect;

/** Every line of a sub-order, locked in id order (one order for everyone: no deadlocks). */
export async function lockSubOrderItems(tx: Database, subOrderId: string): Promise<ItemRow[]> {
  return tx
    .select()
    .from(orderItems)
    .where(eq(orderItems.subOrderId, subOrderId))
    .orderBy(asc(orderItems.id))
    .for("update");
}

/**
 * What `lines` are worth now, with the sub-order's items locked and their `returnedQty`
 * not yet counting these lines: each line's units pro rata (the completing units get the
 * line's remainder, net of what live returns already hold), and the shipping when these
 * lines complete the sub-order for a seller-fault reason. `except` is the return being
 * re-priced, whose own old amounts do not count.
 */
export async function priceLines(
  tx: Database,
  input: {
    subOrderId: string;
    shipping: number;
    items: ItemRow[];
    lines: { orderItemId: string; qty: number; reason: ReturnReason }[];
    except?: string;
  },
) {
  const live = and(
    eq(returns.subOrderId, input.subOrderId),
    inArray(returns.status, LIVE_STATUSES),
    input.except ? ne(returns.id, input.except) : undefined,
  );
  const held = await tx
    .select({ orderItemId: returnLines.orderItemId, amount: sql<number>`sum(${returnLines.amount})::int` })
    .from(returnLines)
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(live)
    .groupBy(returnLines.orderItemId);
  const [shipped] = await tx
    .select({ id: returns.id })
    .from(returns)
    .where(and(live, gt(returns.shippingAmount, 0)))
    .limit(1);
  const amounts = new Map<string, number>();
  for (const l of input.lines) {
    const item = input.items.find((i) => i.id === l.orderItemId)!;
    const heldAmount = held.find((h) => h.orderItemId === l.orderItemId)?.amount ?? 0;
    amounts.set(l.orderItemId, unitsRefund(item, { qty: item.returnedQty, amount: heldAmount }, l.qty));
  }
  const completesSubOrder = input.items.every(
    (i) => i.returnedQty + (input.lines.find((l) => l.orderItemId === i.id)?.qty ?? 0) >= i.qty,
  );
  const shippingAmount = shippingRefund({
    shipping: input.shipping,
    completesSubOrder,
    reasons: input.lines.map((l) => l.reason),
    shippingAlreadyHeld: shipped !== undefined,
  });
  const itemsAmount = [...amounts.values()].reduce((a, b) => a + b, 0);
  return { amounts, itemsAmount, shippingAmount };
}
