import { type Database, returnLines, returns, subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { conflict } from "../errors";
import { lockSubOrderItems, priceLines } from "./pricing";
import type { ReturnRow } from "./queries";
import { retakeUnits } from "./steps";

/**
 * Puts a rejected return back in play (escalated by the buyer): its units are taken again
 * and it is priced afresh against what live returns hold now, since a newer return may have
 * taken a line's remainder or the shipping meanwhile. Refused when a newer request holds
 * the units already.
 */
export async function retakeAndReprice(tx: Database, ret: ReturnRow): Promise<void> {
  const [sub] = await tx
    .select({ id: subOrders.id, shipping: subOrders.shipping })
    .from(subOrders)
    .where(eq(subOrders.id, ret.subOrderId));
  const items = await lockSubOrderItems(tx, ret.subOrderId);
  const lines = await tx.select().from(returnLines).where(eq(returnLines.returnId, ret.id));
  const price = await priceLines(tx, {
    subOrderId: sub!.id,
    shipping: sub!.shipping,
    items,
    lines,
    except: ret.id,
  });
  if (!(await retakeUnits(tx, ret.id)))
    throw conflict(
      "return.units_taken",
      "Some of these units are in a newer return request already; that one stands instead",
    );
  for (const l of lines)
    await tx
      .update(returnLines)
      .set({ amount: price.amounts.get(l.orderItemId)! })
      .where(eq(returnLines.id, l.id));
  await tx
    .update(returns)
    .set({ itemsAmount: price.itemsAmount, shippingAmount: price.shippingAmount })
    .where(eq(returns.id, ret.id));
}
