import { orders, subOrders } from "@bazaar/db";
import { CustomerCancelInput, type OrderDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { cancelSubOrders } from "./cancel-sub-orders";
import { Effects } from "./effects";
import { findCustomerOrder, paymentStartFor, toOrderDto } from "./queries";

/**
 * The customer cancels the whole order or one seller's part, before it is packed. Paid
 * parts are refunded; stock goes back on the shelf.
 */
export async function cancelMyOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CustomerCancelInput>,
): Promise<OrderDto> {
  const input = CustomerCancelInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  const order = await deps.db.transaction(async (tx) => {
    const o = await findCustomerOrder(tx, actor, input.orderId, true);
    const subs = await tx.select().from(subOrders).where(eq(subOrders.orderId, o.id)).for("update");
    const targets = input.subOrderId
      ? subs.filter((s) => s.id === input.subOrderId)
      : subs.filter((s) => s.status !== "cancelled");
    if (input.subOrderId && !targets.length) throw notFound("order.not_found", "Order not found");
    if (!targets.length) throw invalidState("order.already_cancelled", "This order is already cancelled");
    await cancelSubOrders(deps, tx, fx, {
      order: o,
      subOrders: targets,
      actor: { kind: "customer", userId: actor.userId },
      reason: input.reason ?? "Cancelled by the customer",
      now,
    });
    const [fresh] = await tx.select().from(orders).where(eq(orders.id, o.id));
    return fresh!;
  });
  await fx.release(deps);
  return toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order));
}
