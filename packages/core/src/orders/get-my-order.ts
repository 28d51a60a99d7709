import { type OrderDto, OrderIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { findCustomerOrder, paymentStartFor, toOrderDto } from "./queries";

/** One of the customer's own orders; anyone else's is simply not found. */
export async function getMyOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<OrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const order = await findCustomerOrder(deps.db, actor, orderId);
  return toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order));
}
