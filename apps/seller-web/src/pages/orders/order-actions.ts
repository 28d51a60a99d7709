import type { SubOrderStatus } from "@bazaar/schemas";

export type SellerAction = {
  to: Exclude<SubOrderStatus, "placed">;
  label: string;
  /** Shipping asks for the carrier and tracking number; cancelling asks why. */
  asks: "shipment" | "reason" | null;
};

const ACTIONS: Record<Exclude<SubOrderStatus, "placed">, Omit<SellerAction, "to">> = {
  confirmed: { label: "Confirm", asks: null },
  packed: { label: "Pack", asks: null },
  shipped: { label: "Ship", asks: "shipment" },
  out_for_delivery: { label: "Out for delivery", asks: null },
  delivered: { label: "Delivered", asks: null },
  cancelled: { label: "Cancel", asks: "reason" },
};

/** The buttons for the moves the server allows now (`nextStatuses`), the way forward first and cancel last. */
export function sellerActions(nextStatuses: readonly SubOrderStatus[]): SellerAction[] {
  const moves = nextStatuses.filter((s): s is SellerAction["to"] => s !== "placed");
  return moves
    .sort((a, b) => Number(a === "cancelled") - Number(b === "cancelled"))
    .map((to) => ({ to, ...ACTIONS[to] }));
}

/** The board's tabs: every order, or those in one status. */
export const BOARD_TABS: { value: SubOrderStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "placed", label: "Awaiting payment" },
  { value: "confirmed", label: "To pack" },
  { value: "packed", label: "Packed" },
  { value: "shipped", label: "Shipped" },
  { value: "out_for_delivery", label: "Out for delivery" },
  { value: "delivered", label: "Delivered" },
  { value: "cancelled", label: "Cancelled" },
];
