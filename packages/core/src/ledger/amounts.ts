import type { FinanceSettings } from "@bazaar/schemas";

// The money rules of a delivered sub-order, in whole paise.
// - Rounding: each figure is rounded half up once, from the exact product (integers only).
// - Commission is the sub-order's frozen commissionBps of its total (goods and shipping, as
//   the buyer paid them).
// - The gateway fee (online orders only) is gatewayFeeBps of the total, plus GST at
//   gatewayFeeGstBps on the fee, rounded separately and debited together.
// - TCS is tcsBps of the net taxable value: the total less the GST it includes.
// - A return gives back, of commission and TCS, the share the refunded paise are of the
//   total, computed on the running refunded sum so that the last return of a fully
//   returned sub-order gives back exactly what was taken. The gateway fee is not given
//   back: gateways keep their fee on a refund.

/** `amount × bps / 10 000`, rounded half up; amount and bps are non-negative integers. */
export const bpsOf = (amount: number, bps: number) => Math.floor((amount * bps + 5_000) / 10_000);

export type DeliveryFigures = {
  sale: number;
  commission: number;
  gatewayFee: number;
  gatewayFeeGst: number;
  tcs: number;
};

export function deliveryFigures(
  sub: { total: number; gstIncluded: number; commissionBps: number; online: boolean },
  settings: FinanceSettings,
): DeliveryFigures {
  const gatewayFee = sub.online ? bpsOf(sub.total, settings.gatewayFeeBps) : 0;
  return {
    sale: sub.total,
    commission: bpsOf(sub.total, sub.commissionBps),
    gatewayFee,
    gatewayFeeGst: bpsOf(gatewayFee, settings.gatewayFeeGstBps),
    tcs: bpsOf(Math.max(0, sub.total - sub.gstIncluded), settings.tcsBps),
  };
}

/**
 * What a return gives back of a deduction that took `taken` paise from a sub-order of
 * `total`: the share of `refundedAfter` (every refund so far, this one included), less what
 * earlier returns gave back already. Never more than is left.
 */
export function shareBack(taken: number, total: number, refundedAfter: number, givenBack: number): number {
  if (total <= 0 || taken <= 0) return 0;
  const due = Math.floor((taken * Math.min(refundedAfter, total) * 2 + total) / (2 * total));
  return Math.max(0, Math.min(taken, due) - givenBack);
}
