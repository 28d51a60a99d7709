/**
 * The one place money in a cart is computed. Pure: the same lines, coupon and shipping
 * rule always give the same figures, so the cart page, checkout and tests agree.
 *
 * Rounding, all in whole paise:
 * - A percentage coupon is rounded down to the paisa, then held to its cap and to what
 *   the eligible lines are worth, so it never makes a total negative.
 * - A coupon is spread over its eligible lines in proportion to their value after sale
 *   prices, by the largest-remainder method: each line gets the floor of its exact share
 *   and the paise left over go one each to the lines with the largest fractions (earlier
 *   lines first on ties). The shares add up to the coupon discount exactly.
 * - Shipping is charged per seller group: the flat fee unless the group's goods, after
 *   every discount, reach the free-shipping threshold. Shipping carries no GST here.
 * - Prices include GST. The GST inside a line is `lineTotal × rate / (100% + rate)`,
 *   rounded half up to the paisa; the cart's GST is the sum of its lines'.
 *
 * Invariants (tested exhaustively and by property): every figure is a non-negative
 * integer; for each line `lineSubtotal − itemDiscount − couponDiscount = lineTotal`; each
 * group's total is its lines' totals plus its shipping; the cart total is the sum of its
 * groups, and equals `subtotal − itemDiscount − couponDiscount + shipping`.
 */

export type PricingLine = {
  id: string;
  sellerId: string;
  productId: string;
  /** The product's category and every ancestor, for category-restricted coupons. */
  categoryIds: readonly string[];
  qty: number;
  /** The regular unit price, paise. */
  unitPrice: number;
  /** A running sale's unit price, if any. */
  salePrice: number | null;
  gstRateBps: number;
};

export type PricingCoupon = {
  sellerId: string | null;
  kind: "percent" | "fixed";
  percentBps: number | null;
  amountOff: number | null;
  maxDiscount: number | null;
  minSubtotal: number;
  categoryIds: readonly string[];
  productIds: readonly string[];
};

export type ShippingRule = { flatFee: number; freeAbove: number | null };

export type PricedLine = {
  id: string;
  qty: number;
  unitPrice: number;
  effectiveUnitPrice: number;
  lineSubtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  lineTotal: number;
  gstRateBps: number;
  gstIncluded: number;
};

export type PricedGroup = {
  sellerId: string;
  lines: PricedLine[];
  subtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  shipping: number;
  total: number;
};

export type CouponOutcome =
  | { applied: true; discount: number }
  | { applied: false; reason: "not_applicable" }
  | { applied: false; reason: "min_subtotal"; minSubtotal: number; shortBy: number };

export type PricedCart = {
  groups: PricedGroup[];
  subtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  shipping: number;
  gstIncluded: number;
  total: number;
  coupon: CouponOutcome | null;
};

export function effectiveUnitPrice(line: Pick<PricingLine, "unitPrice" | "salePrice">): number {
  return line.salePrice !== null && line.salePrice < line.unitPrice ? line.salePrice : line.unitPrice;
}

/** GST contained in a GST-inclusive amount, rounded half up, in integers only. */
export function gstIncludedIn(grossPaise: number, rateBps: number): number {
  if (rateBps === 0 || grossPaise === 0) return 0;
  const num = 2n * BigInt(grossPaise) * BigInt(rateBps) + BigInt(10_000 + rateBps);
  return Number(num / (2n * BigInt(10_000 + rateBps)));
}

/** Whether a coupon may discount this line at all. */
export function couponCovers(coupon: PricingCoupon, line: PricingLine): boolean {
  if (coupon.sellerId !== null && coupon.sellerId !== line.sellerId) return false;
  const restricted = coupon.productIds.length > 0 || coupon.categoryIds.length > 0;
  if (!restricted) return true;
  return (
    coupon.productIds.includes(line.productId) || line.categoryIds.some((c) => coupon.categoryIds.includes(c))
  );
}

/** Splits `amount` over `weights` in proportion, exactly, by the largest-remainder method. */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const shares = weights.map((w) => {
    const exact = big * BigInt(w);
    return { floor: exact / bigTotal, rest: exact % bigTotal };
  });
  let left = amount - shares.reduce((a, s) => a + Number(s.floor), 0);
  const order = shares
    .map((s, i) => ({ i, rest: s.rest }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  const out = shares.map((s) => Number(s.floor));
  for (const { i, rest } of order) {
    if (left === 0 || rest === 0n) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

function couponDiscountFor(coupon: PricingCoupon, eligibleValue: number): number {
  const raw =
    coupon.kind === "percent"
      ? Math.floor((eligibleValue * (coupon.percentBps ?? 0)) / 10_000)
      : (coupon.amountOff ?? 0);
  const capped = coupon.maxDiscount !== null ? Math.min(raw, coupon.maxDiscount) : raw;
  return Math.max(0, Math.min(capped, eligibleValue));
}

export function priceCart(
  lines: readonly PricingLine[],
  coupon: PricingCoupon | null,
  shipping: ShippingRule,
): PricedCart {
  const net = lines.map((l) => effectiveUnitPrice(l) * l.qty);

  let outcome: CouponOutcome | null = null;
  let couponShares = lines.map(() => 0);
  if (coupon) {
    const eligible = lines.map((l) => couponCovers(coupon, l));
    const eligibleValue = net.reduce((a, v, i) => a + (eligible[i] ? v : 0), 0);
    if (!eligible.some(Boolean)) outcome = { applied: false, reason: "not_applicable" };
    else if (eligibleValue < coupon.minSubtotal)
      outcome = {
        applied: false,
        reason: "min_subtotal",
        minSubtotal: coupon.minSubtotal,
        shortBy: coupon.minSubtotal - eligibleValue,
      };
    else {
      const discount = couponDiscountFor(coupon, eligibleValue);
      couponShares = allocate(
        discount,
        net.map((v, i) => (eligible[i] ? v : 0)),
      );
      outcome = { applied: true, discount };
    }
  }

  const bySeller = new Map<string, PricedLine[]>();
  lines.forEach((l, i) => {
    const effective = effectiveUnitPrice(l);
    const lineSubtotal = l.unitPrice * l.qty;
    const itemDiscount = (l.unitPrice - effective) * l.qty;
    const couponDiscount = couponShares[i] ?? 0;
    const lineTotal = lineSubtotal - itemDiscount - couponDiscount;
    const priced: PricedLine = {
      id: l.id,
      qty: l.qty,
      unitPrice: l.unitPrice,
      effectiveUnitPrice: effective,
      lineSubtotal,
      itemDiscount,
      couponDiscount,
      lineTotal,
      gstRateBps: l.gstRateBps,
      gstIncluded: gstIncludedIn(lineTotal, l.gstRateBps),
    };
    const group = bySeller.get(l.sellerId);
    if (group) group.push(priced);
    else bySeller.set(l.sellerId, [priced]);
  });

  const groups: PricedGroup[] = [...bySeller].map(([sellerId, groupLines]) => {
    const sum = (k: "lineSubtotal" | "itemDiscount" | "couponDiscount" | "lineTotal") =>
      groupLines.reduce((a, l) => a + l[k], 0);
    const goods = sum("lineTotal");
    const fee = shipping.freeAbove !== null && goods >= shipping.freeAbove ? 0 : shipping.flatFee;
    return {
      sellerId,
      lines: groupLines,
      subtotal: sum("lineSubtotal"),
      itemDiscount: sum("itemDiscount"),
      couponDiscount: sum("couponDiscount"),
      shipping: fee,
      total: goods + fee,
    };
  });

  const total = (k: "subtotal" | "itemDiscount" | "couponDiscount" | "shipping" | "total") =>
    groups.reduce((a, g) => a + g[k], 0);
  return {
    groups,
    subtotal: total("subtotal"),
    itemDiscount: total("itemDiscount"),
    couponDiscount: total("couponDiscount"),
    shipping: total("shipping"),
    gstIncluded: groups.reduce((a, g) => a + g.lines.reduce((b, l) => b + l.gstIncluded, 0), 0),
    total: total("total"),
    coupon: outcome,
  };
}
