import { orders } from "@bazaar/db";
import { type AdminOrderDto, OrderIdInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { findCustomers, paymentStartFor, toOrderDto } from "./queries";

export async function adminGetOrder(
  deps: Deps,
  _actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<AdminOrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("order.not_found", "Order not found");
  const customers = await findCustomers(deps.db, [order.customerId]);
  return {
    ...(await toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order))),
    customer: customers.get(order.customerId)!,
  };
}
