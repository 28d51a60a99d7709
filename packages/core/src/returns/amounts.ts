import { type ReturnReason, SELLER_FAULT_REASONS } from "@bazaar/schemas";

/**
 * Paise to refund for `units` units of a line that cost `lineTotal` for `qty` units (the
 * line total is already net of its coupon share). `heldQty` units of the line are already
 * in live returns, which were given `heldAmount` paise between them. Units are paid pro
 * rata, rounded down; the units that complete the line get the remainder, so a line sent
 * back whole, in however many returns, refunds exactly its total and never more.
 */
export function unitsRefund(
  line: { qty: number; lineTotal: number },
  held: { qty: number; amount: number },
  units: number,
): number {
  const left = Math.max(0, line.lineTotal - held.amount);
  if (held.qty + units >= line.qty) return left;
  return Math.min(Math.floor((line.lineTotal * units) / line.qty), left);
}

export const isSellerFault = (reason: ReturnReason) => SELLER_FAULT_REASONS.includes(reason);

/**
 * Shipping comes back only when this return completes the sub-order (every unit of every
 * line is in a live return, counting earlier ones) and every line of it is the seller's
 * fault; a buyer who changed their mind pays the delivery they had.
 */
export function shippingRefund(input: {
  shipping: number;
  completesSubOrder: boolean;
  reasons: ReturnReason[];
  shippingAlreadyHeld: boolean;
}): number {
  if (!input.completesSubOrder || input.shippingAlreadyHeld) return 0;
  return input.reasons.length > 0 && input.reasons.every(isSellerFault) ? input.shipping : 0;
}
