import { cartItems, coupons, type Database } from "@bazaar/db";
import type {
  CartCouponDto,
  CartDto,
  CartLineDto,
  CartNotice,
  CheckoutSettings,
  CouponRejection,
} from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import {
  effectiveUnitPrice,
  type PricedCart,
  type PricedLine,
  type PricingCoupon,
  type PricingLine,
  priceCart,
} from "../pricing";
import { couponUsability, rejectionMessage, toPricingCoupon } from "../promotions";
import { type CartLineRow, categoryAncestry, loadCartLines, variantLabel } from "./cart-lines";
import type { CartRow } from "./cart-owner";
import { getCheckoutSettings } from "./checkout-settings";

export type EvaluatedLine = { row: CartLineRow; qty: number; available: boolean; notices: CartNotice[] };

export type EvaluatedCart = {
  dto: CartDto;
  /** Lines that can be bought, with the quantity that can be bought. */
  lines: EvaluatedLine[];
  priced: PricedCart;
  coupon: (typeof coupons.$inferSelect & { applied: boolean; discount: number }) | null;
  settings: CheckoutSettings;
};

export type CodRefusal = {
  reason: "checkout.cod_limit" | "checkout.cod_unavailable";
  message: string;
  details: Record<string, unknown>;
};

/**
 * Whether cash on delivery may pay for these goods: every shop in the order must take it,
 * and the total must be within the platform's cap. The cart shows it; checkout enforces it.
 */
export function codRefusal(
  total: number,
  settings: CheckoutSettings,
  shops: { name: string; cod: boolean }[],
): CodRefusal | null {
  const noCod = shops.filter((s) => !s.cod);
  if (noCod.length)
    return {
      reason: "checkout.cod_unavailable",
      message: `${noCod.map((s) => s.name).join(", ")} only take online payment`,
      details: { sellers: noCod.map((s) => s.name) },
    };
  if (settings.codMaxOrderValue !== null && total > settings.codMaxOrderValue)
    return {
      reason: "checkout.cod_limit",
      message: "This order is too large for cash on delivery; pay online",
      details: { max: settings.codMaxOrderValue },
    };
  return null;
}

function emptyCart(settings: CheckoutSettings): CartDto {
  return {
    id: null,
    currency: "INR",
    groups: [],
    coupon: null,
    totals: {
      subtotal: 0,
      itemDiscount: 0,
      couponDiscount: 0,
      shipping: 0,
      gstIncluded: 0,
      total: 0,
      itemCount: 0,
    },
    limits: { maxQtyPerLine: settings.maxQtyPerLine, maxUnitsPerOrder: settings.maxUnitsPerOrder },
    shipping: { flatFee: settings.shippingFlatFee, freeAbove: settings.freeShippingAbove },
    hasNotices: false,
    cod: { available: false, message: null },
  };
}

/**
 * Re-reads a cart against the catalogue of the moment and prices it. Lines that cannot be
 * bought (withdrawn, seller suspended, out of stock) stay in the cart, marked and left out
 * of the totals. Two kinds of change are reported once and then remembered: a quantity
 * cut to what is in stock, and a price that moved since the customer last saw it.
 */
export async function evaluateCart(
  db: Database,
  cart: CartRow | null,
  userId: string | null,
  now: Date,
  known?: CheckoutSettings,
): Promise<EvaluatedCart> {
  const settings = known ?? (await getCheckoutSettings(db));
  if (!cart) {
    return {
      dto: emptyCart(settings),
      lines: [],
      priced: priceCart([], null, { flatFee: 0, freeAbove: null }),
      coupon: null,
      settings,
    };
  }
  const rows = await loadCartLines(db, cart.id, now);
  const evaluated: EvaluatedLine[] = [];
  for (const row of rows) evaluated.push(await checkLine(db, row, settings, now));
  const buyable = evaluated.filter((l) => l.available);

  const { couponRow, rejection: usability } = await loadCoupon(db, cart.couponId, userId, now);
  let rejection = usability;
  const pricingCoupon = couponRow && !rejection ? toPricingCoupon(couponRow) : null;
  const priced = await priceLines(db, buyable, pricingCoupon, settings);
  if (priced.coupon && !priced.coupon.applied) rejection = priced.coupon.reason;

  const discount = priced.coupon?.applied ? priced.coupon.discount : 0;
  return {
    dto: {
      id: cart.id,
      currency: "INR",
      groups: groupBySeller(evaluated, priced),
      coupon: couponRow ? toCartCoupon(couponRow, rejection, discount) : null,
      totals: {
        subtotal: priced.subtotal,
        itemDiscount: priced.itemDiscount,
        couponDiscount: priced.couponDiscount,
        shipping: priced.shipping,
        gstIncluded: priced.gstIncluded,
        total: priced.total,
        itemCount: buyable.reduce((a, l) => a + l.qty, 0),
      },
      limits: { maxQtyPerLine: settings.maxQtyPerLine, maxUnitsPerOrder: settings.maxUnitsPerOrder },
      shipping: { flatFee: settings.shippingFlatFee, freeAbove: settings.freeShippingAbove },
      hasNotices: evaluated.some((l) => l.notices.length > 0),
      cod: codAvailability(buyable, priced.total, settings),
    },
    lines: buyable,
    priced,
    coupon: couponRow ? { ...couponRow, applied: !rejection, discount } : null,
    settings,
  };
}

/**
 * Whether a line can be bought now, and at what quantity. A quantity above the stock or the
 * per-line limit is cut, and a price the customer has not seen is noted; both are then
 * remembered on the line, so each change is reported once.
 */
async function checkLine(
  db: Database,
  row: CartLineRow,
  settings: CheckoutSettings,
  now: Date,
): Promise<EvaluatedLine> {
  const notices: CartNotice[] = [];
  if (!row.variant_active) {
    notices.push({ kind: "unavailable", reason: "variant_removed" });
    return { row, qty: row.qty, available: false, notices };
  }
  if (row.product_status !== "approved") {
    notices.push({ kind: "unavailable", reason: "not_on_sale" });
    return { row, qty: row.qty, available: false, notices };
  }
  if (row.seller_status !== "approved") {
    notices.push({ kind: "unavailable", reason: "seller_unavailable" });
    return { row, qty: row.qty, available: false, notices };
  }
  if (row.stock <= 0) {
    notices.push({ kind: "out_of_stock" });
    return { row, qty: row.qty, available: false, notices };
  }
  let qty = row.qty;
  const cap = Math.min(row.stock, settings.maxQtyPerLine);
  if (qty > cap) {
    notices.push({ kind: "qty_reduced", from: qty, to: cap });
    qty = cap;
  }
  const price = effectiveUnitPrice({ unitPrice: row.price, salePrice: row.sale_price });
  if (price !== row.seen_unit_price)
    notices.push({ kind: "price_changed", from: row.seen_unit_price, to: price });
  if (qty !== row.qty || price !== row.seen_unit_price)
    await db
      .update(cartItems)
      .set({ qty, seenUnitPrice: price, updatedAt: now })
      .where(eq(cartItems.id, row.id));
  return { row, qty, available: true, notices };
}

/** The cart's coupon, and why it cannot be used now (null when it can). */
async function loadCoupon(db: Database, couponId: string | null, userId: string | null, now: Date) {
  let couponRow: typeof coupons.$inferSelect | undefined;
  let rejection: CouponRejection | null = null;
  if (couponId) {
    [couponRow] = await db.select().from(coupons).where(eq(coupons.id, couponId));
    if (couponRow) rejection = await couponUsability(db, couponRow, userId, now);
  }
  return { couponRow, rejection };
}

/** Prices the buyable lines; a coupon limited to categories also covers their subcategories. */
async function priceLines(
  db: Database,
  buyable: EvaluatedLine[],
  coupon: PricingCoupon | null,
  settings: CheckoutSettings,
): Promise<PricedCart> {
  const ancestry = coupon?.categoryIds.length
    ? await categoryAncestry(db, [...new Set(buyable.map((l) => l.row.category_id))])
    : new Map<string, string[]>();
  const lines: PricingLine[] = buyable.map((l) => ({
    id: l.row.id,
    sellerId: l.row.seller_id,
    productId: l.row.product_id,
    categoryIds: ancestry.get(l.row.category_id) ?? [l.row.category_id],
    qty: l.qty,
    unitPrice: l.row.price,
    salePrice: l.row.sale_price,
    gstRateBps: l.row.gst_rate_bps,
  }));
  return priceCart(lines, coupon, {
    flatFee: settings.shippingFlatFee,
    freeAbove: settings.freeShippingAbove,
  });
}

/** Every line, bought or not, under its shop, in the order the shops first appear. */
function groupBySeller(evaluated: EvaluatedLine[], priced: PricedCart): CartDto["groups"] {
  const pricedById = new Map(priced.groups.flatMap((g) => g.lines.map((l) => [l.id, l])));
  const groupOf = new Map(priced.groups.map((g) => [g.sellerId, g]));
  const groups: CartDto["groups"] = [];
  const groupIndex = new Map<string, CartDto["groups"][number]>();
  for (const l of evaluated) {
    let group = groupIndex.get(l.row.seller_id);
    if (!group) {
      const g = groupOf.get(l.row.seller_id);
      group = {
        seller: { id: l.row.seller_id, shopName: l.row.shop_name, slug: l.row.seller_slug },
        lines: [],
        subtotal: g?.subtotal ?? 0,
        itemDiscount: g?.itemDiscount ?? 0,
        couponDiscount: g?.couponDiscount ?? 0,
        shipping: g?.shipping ?? 0,
        total: g?.total ?? 0,
      };
      groupIndex.set(l.row.seller_id, group);
      groups.push(group);
    }
    group.lines.push(toCartLine(l, pricedById.get(l.row.id)));
  }
  return groups;
}

function toCartLine(l: EvaluatedLine, p: PricedLine | undefined): CartLineDto {
  const effective = effectiveUnitPrice({ unitPrice: l.row.price, salePrice: l.row.sale_price });
  return {
    id: l.row.id,
    variantId: l.row.variant_id,
    productId: l.row.product_id,
    productSlug: l.row.slug,
    title: l.row.title,
    variantLabel: variantLabel(l.row.option_values),
    sku: l.row.sku,
    imageUrl: l.row.image_url,
    qty: l.qty,
    unitPrice: l.row.price,
    effectiveUnitPrice: effective,
    compareAtPrice: l.row.compare_at_price,
    saleEndsAt: effective < l.row.price && l.row.sale_ends_at ? new Date(l.row.sale_ends_at) : null,
    lineSubtotal: p?.lineSubtotal ?? 0,
    itemDiscount: p?.itemDiscount ?? 0,
    couponDiscount: p?.couponDiscount ?? 0,
    lineTotal: p?.lineTotal ?? 0,
    gstRateBps: l.row.gst_rate_bps,
    gstIncluded: p?.gstIncluded ?? 0,
    stock: Math.max(0, l.row.stock),
    available: l.available,
    notices: l.notices,
  };
}

function toCartCoupon(
  couponRow: typeof coupons.$inferSelect,
  rejection: CouponRejection | null,
  discount: number,
): CartCouponDto {
  return {
    code: couponRow.code,
    description: couponRow.description,
    applied: !rejection,
    discount,
    reason: rejection,
    message: rejection ? rejectionMessage(rejection) : null,
  };
}

/** Cash on delivery as the cart shows it: the same rule checkout enforces. */
function codAvailability(
  buyable: EvaluatedLine[],
  total: number,
  settings: CheckoutSettings,
): CartDto["cod"] {
  const shops = [
    ...new Map(
      buyable.map((l) => [l.row.seller_id, { name: l.row.shop_name, cod: l.row.seller_cod }]),
    ).values(),
  ];
  const refusal = buyable.length ? codRefusal(total, settings, shops) : null;
  return { available: buyable.length > 0 && !refusal, message: refusal?.message ?? null };
}
