import { type Database, orderItems, orders, subOrders } from "@bazaar/db";
import { and, desc, eq } from "drizzle-orm";

/**
 * The buyer's delivered line of the product, latest delivery first: what makes a review a
 * verified purchase. Undefined when they never received it (not bought, not delivered yet,
 * cancelled).
 */
export async function deliveredLine(db: Database, customerId: string, productId: string) {
  const [line] = await db
    .select({ orderItemId: orderItems.id })
    .from(orderItems)
    .innerJoin(subOrders, eq(subOrders.id, orderItems.subOrderId))
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .where(
      and(
        eq(orderItems.productId, productId),
        eq(orders.customerId, customerId),
        eq(subOrders.status, "delivered"),
      ),
    )
    .orderBy(desc(subOrders.deliveredAt), desc(orderItems.id))
    .limit(1);
  return line;
}
