import { z } from "zod";
import { CouponCode } from "./cart";
import { Paise } from "./catalog";
import { dateTime, Id, PageInput, safeText } from "./common";

// No defaults here: an update given only some fields must leave the others as they are.
const CouponFields = z.object({
  code: CouponCode,
  description: safeText("Description", { multiline: true }).max(200),
  kind: z.enum(["percent", "fixed"], { message: "Kind is percent or fixed" }),
  /** Percent coupons: basis points (1000 = 10%). */
  percentBps: z.number().int().min(1, "At least 0.01%").max(10_000, "At most 100%").nullish(),
  amountOff: Paise.nullish(),
  maxDiscount: Paise.nullish(),
  minSubtotal: z.number().int().min(0).max(1_000_000_000),
  startsAt: dateTime("Start").optional(),
  endsAt: dateTime("End").nullish(),
  usageLimit: z.number().int().min(1).max(10_000_000).nullish(),
  perCustomerLimit: z.number().int().min(1).max(1000).nullish(),
  firstOrderOnly: z.boolean(),
  categoryIds: z.array(Id).max(50),
  productIds: z.array(Id).max(200),
});

function couponRules<T extends z.ZodType<Partial<z.output<typeof CouponFields>>>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    if (v.kind === "percent" && v.percentBps == null)
      ctx.addIssue({ code: "custom", path: ["percentBps"], message: "A percent coupon needs a percentage" });
    if (v.kind === "percent" && v.amountOff != null)
      ctx.addIssue({
        code: "custom",
        path: ["amountOff"],
        message: "A percent coupon takes no fixed amount",
      });
    if (v.kind === "fixed" && v.amountOff == null)
      ctx.addIssue({ code: "custom", path: ["amountOff"], message: "A fixed coupon needs an amount" });
    if (v.kind === "fixed" && v.percentBps != null)
      ctx.addIssue({ code: "custom", path: ["percentBps"], message: "A fixed coupon takes no percentage" });
    if (v.kind === "fixed" && v.maxDiscount != null)
      ctx.addIssue({ code: "custom", path: ["maxDiscount"], message: "Only percent coupons have a cap" });
    if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Must end after it starts" });
  });
}

export const CreateCouponInput = couponRules(
  CouponFields.extend({
    description: CouponFields.shape.description.default(""),
    minSubtotal: CouponFields.shape.minSubtotal.default(0),
    firstOrderOnly: CouponFields.shape.firstOrderOnly.default(false),
    categoryIds: CouponFields.shape.categoryIds.default([]),
    productIds: CouponFields.shape.productIds.default([]),
  }),
);
export type CreateCouponInput = z.input<typeof CreateCouponInput>;
/** The code and kind are fixed once created: orders refer to them. */
export const UpdateCouponInput = couponRules(
  CouponFields.omit({ code: true, kind: true }).partial().extend({ id: Id }),
);
export type UpdateCouponInput = z.input<typeof UpdateCouponInput>;
export const SetCouponActiveInput = z.object({ id: Id, active: z.boolean() });
export const CouponListInput = PageInput.extend({
  q: safeText("Search").max(32).optional(),
  state: z.enum(["all", "active", "scheduled", "expired", "disabled"]).default("all"),
  /** Admins only: platform coupons or sellers'. */
  scope: z.enum(["platform", "seller"]).optional(),
});
export type CouponListInput = z.input<typeof CouponListInput>;

export type CouponDto = {
  id: string;
  code: string;
  description: string;
  scope: "platform" | "seller";
  sellerId: string | null;
  kind: "percent" | "fixed";
  percentBps: number | null;
  amountOff: number | null;
  maxDiscount: number | null;
  minSubtotal: number;
  startsAt: Date;
  endsAt: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  firstOrderOnly: boolean;
  categoryIds: string[];
  productIds: string[];
  /** The named products' titles, for showing a restricted coupon (removed products are left out). */
  products: { id: string; title: string }[];
  active: boolean;
  usedCount: number;
  /** Derived from `active`, the window and the usage limit at read time. */
  state: "active" | "scheduled" | "expired" | "disabled" | "exhausted";
  createdAt: Date;
};

// ---- sale events ----------------------------------------------------------------------------
export const SaleItemInput = z.object({ variantId: Id, salePrice: Paise });
const SaleFields = z.object({
  name: safeText("Name").min(2, "Name the sale").max(80),
  startsAt: dateTime("Start"),
  endsAt: dateTime("End"),
  items: z.array(SaleItemInput).min(1, "Choose at least one variant").max(500),
});
const saleWindow = <T extends z.ZodType<{ startsAt?: Date; endsAt?: Date; items?: { variantId: string }[] }>>(
  s: T,
) =>
  s.superRefine((v, ctx) => {
    if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Must end after it starts" });
    const seen = new Set<string>();
    v.items?.forEach((item, i) => {
      if (seen.has(item.variantId))
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "variantId"],
          message: "This variant is listed twice",
        });
      seen.add(item.variantId);
    });
  });
export const CreateSaleEventInput = saleWindow(SaleFields);
export type CreateSaleEventInput = z.input<typeof CreateSaleEventInput>;
export const UpdateSaleEventInput = saleWindow(SaleFields.partial().extend({ id: Id }));
export type UpdateSaleEventInput = z.input<typeof UpdateSaleEventInput>;
export const SaleEventListInput = PageInput.extend({
  state: z.enum(["all", "running", "scheduled", "ended", "cancelled"]).default("all"),
});

export type SaleEventDto = {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
  state: "running" | "scheduled" | "ended" | "cancelled";
  items: {
    variantId: string;
    productId: string;
    productTitle: string;
    sku: string;
    price: number;
    salePrice: number;
  }[];
  createdAt: Date;
};
