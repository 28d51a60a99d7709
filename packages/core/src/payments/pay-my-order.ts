import { type OrderDto, OrderIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import { invalidState } from "../errors";
import { findCustomerOrder, paymentStartFor, toOrderDto } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { startPayment } from "./start-payment";

/** Pay (again) for an online order still waiting: creates the gateway order if it is missing. */
export async function payMyOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<OrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const order = await findCustomerOrder(deps.db, actor, orderId);
  if (order.paymentMethod === "cod" || order.paymentStatus !== "pending")
    throw invalidState("payment.not_pending", "This order is not waiting for a payment");
  await startPayment(deps, order);
  return toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order));
}
