import { z } from "zod";
import { Id } from "./common";

/** Hard ceiling on one line; the platform setting may be lower. */
export const Qty = z
  .number({ message: "Quantity is a number" })
  .int("Quantity is a whole number")
  .min(1, "At least 1")
  .max(1000);

export const AddCartItemInput = z.object({ variantId: Id, qty: Qty.default(1) });
export type AddCartItemInput = z.input<typeof AddCartItemInput>;
export const UpdateCartItemInput = z.object({ itemId: Id, qty: Qty });
export type UpdateCartItemInput = z.input<typeof UpdateCartItemInput>;
export const RemoveCartItemInput = z.object({ itemId: Id });
export type RemoveCartItemInput = z.input<typeof RemoveCartItemInput>;

export const CouponCode = z
  .string({ message: "Enter a coupon code" })
  .trim()
  .min(3, "Coupon codes are 3 to 32 characters")
  .max(32, "Coupon codes are 3 to 32 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "Coupon codes use letters, digits, dash and underscore")
  .transform((v) => v.toUpperCase());
export const ApplyCouponInput = z.object({ code: CouponCode });
export type ApplyCouponInput = z.input<typeof ApplyCouponInput>;

/** Why a line needs the customer's attention; computed on every read. */
export type CartNotice =
  | { kind: "out_of_stock" }
  | { kind: "qty_reduced"; from: number; to: number }
  | { kind: "price_changed"; from: number; to: number }
  | { kind: "unavailable"; reason: "not_on_sale" | "seller_unavailable" | "variant_removed" };

export type CartLineDto = {
  id: string;
  variantId: string;
  productId: string;
  productSlug: string;
  title: string;
  /** "Size: M · Colour: Blue", empty for a product without options. */
  variantLabel: string;
  sku: string;
  imageUrl: string | null;
  qty: number;
  /** Regular unit price, paise. */
  unitPrice: number;
  /** What one unit costs now: the sale price while a sale runs. */
  effectiveUnitPrice: number;
  compareAtPrice: number | null;
  saleEndsAt: Date | null;
  lineSubtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  lineTotal: number;
  gstRateBps: number;
  gstIncluded: number;
  /** Units that can be bought now. */
  stock: number;
  /** False when the line cannot be bought (out of stock or unavailable); it is left out of the totals. */
  available: boolean;
  notices: CartNotice[];
};

export type CartGroupDto = {
  seller: { id: string; shopName: string; slug: string };
  lines: CartLineDto[];
  subtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  shipping: number;
  total: number;
};

export type CouponRejection =
  | "not_found"
  | "inactive"
  | "not_started"
  | "expired"
  | "usage_exhausted"
  | "per_customer_limit"
  | "first_order_only"
  | "min_subtotal"
  | "not_applicable";

export type CartCouponDto = {
  code: string;
  description: string;
  /** False when the coupon no longer holds (expired, cart changed); `reason` says why. */
  applied: boolean;
  discount: number;
  reason: CouponRejection | null;
  message: string | null;
};

export type CartDto = {
  id: string | null;
  currency: "INR";
  groups: CartGroupDto[];
  coupon: CartCouponDto | null;
  totals: {
    subtotal: number;
    itemDiscount: number;
    couponDiscount: number;
    shipping: number;
    gstIncluded: number;
    total: number;
    /** Units across available lines. */
    itemCount: number;
  };
  limits: { maxQtyPerLine: number; maxUnitsPerOrder: number };
  /** Each seller's goods ship free from this much (paise); null: never free. */
  shipping: { flatFee: number; freeAbove: number | null };
  /** True when some line needs attention; checkout asks the customer to review first. */
  hasNotices: boolean;
  /** Whether this cart may be paid in cash on delivery, and if not, why. */
  cod: { available: boolean; message: string | null };
};

/** What signing in did with the guest's cart. */
export type CartMergeReport = {
  linesAdded: number;
  linesCombined: number;
  /** Lines whose combined quantity was capped at the stock or the per-line limit. */
  capped: { variantId: string; title: string; requested: number; kept: number }[];
};
