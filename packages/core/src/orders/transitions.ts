import type { SubOrderStatus } from "@bazaar/schemas";
import { invalidState } from "../errors";

/** Who moves a sub-order: the buyer, its seller, an admin, or the system (payments, expiry). */
export type ActorKind = "customer" | "seller" | "admin" | "system";

/**
 * Every legal move of a sub-order and who may make it; anything not listed is refused.
 * The system confirms an order once paid (or at once for cash on delivery). The customer
 * may cancel until it is packed, the seller (with a reason) until it ships, an admin any
 * time before delivery. Delivered and cancelled are final.
 */
export const TRANSITIONS: Readonly<
  Record<SubOrderStatus, Partial<Record<SubOrderStatus, readonly ActorKind[]>>>
> = {
  placed: { confirmed: ["system"], cancelled: ["customer", "seller", "admin", "system"] },
  confirmed: { packed: ["seller"], cancelled: ["customer", "seller", "admin"] },
  packed: { shipped: ["seller"], cancelled: ["seller", "admin"] },
  shipped: { out_for_delivery: ["seller"], cancelled: ["admin"] },
  out_for_delivery: { delivered: ["seller"], cancelled: ["admin"] },
  delivered: {},
  cancelled: {},
};

export function canMove(from: SubOrderStatus, to: SubOrderStatus, actor: ActorKind): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** The statuses `actor` may move a sub-order in `from` to. */
export function nextStatuses(from: SubOrderStatus, actor: ActorKind): SubOrderStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [SubOrderStatus, readonly ActorKind[]][])
    .filter(([, who]) => who.includes(actor))
    .map(([to]) => to);
}

export function assertMove(from: SubOrderStatus, to: SubOrderStatus, actor: ActorKind) {
  if (!canMove(from, to, actor))
    throw invalidState(
      "order.invalid_transition",
      `A ${from.replaceAll("_", " ")} order cannot be moved to ${to.replaceAll("_", " ")} by the ${actor}`,
      {
        from,
        to,
        allowed: nextStatuses(from, actor),
      },
    );
}
