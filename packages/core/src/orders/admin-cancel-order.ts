import { orders, subOrders } from "@bazaar/db";
import { AdminCancelInput, type AdminOrderDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { adminGetOrder } from "./admin-get-order";
import { cancelSubOrders } from "./cancel-sub-orders";
import { Effects } from "./effects";

/** An admin cancels a whole order or one part, any time before delivery; paid parts are refunded. */
export async function adminCancelOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof AdminCancelInput>,
): Promise<AdminOrderDto> {
  const input = AdminCancelInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const [o] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for("update");
    if (!o) throw notFound("order.not_found", "Order not found");
    const subs = await tx.select().from(subOrders).where(eq(subOrders.orderId, o.id)).for("update");
    const targets = input.subOrderId
      ? subs.filter((s) => s.id === input.subOrderId)
      : subs.filter((s) => s.status !== "cancelled" && s.status !== "delivered");
    if (input.subOrderId && !targets.length) throw notFound("order.not_found", "Order not found");
    if (!targets.length)
      throw invalidState("order.nothing_to_cancel", "Nothing in this order can be cancelled");
    const refund = await cancelSubOrders(deps, tx, fx, {
      order: o,
      subOrders: targets,
      actor: { kind: "admin", userId: actor.userId },
      reason: input.reason,
      now,
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "order.cancelled",
      targetType: "order",
      targetId: o.id,
      data: { subOrders: targets.map((s) => s.number), reason: input.reason, refund },
    });
  });
  await fx.release(deps);
  return adminGetOrder(deps, actor, { orderId: input.orderId });
}
