import { z } from "zod";
import { Id } from "./common";
import { PaymentMethod } from "./orders";

export const IdempotencyKey = z
  .string({ message: "An idempotency key is required" })
  .trim()
  .min(8, "Idempotency keys are 8 to 100 characters")
  .max(100, "Idempotency keys are 8 to 100 characters")
  .regex(/^[\w.:-]+$/, "Idempotency keys use letters, digits, dot, colon, dash and underscore");

export const PlaceOrderInput = z.object({
  addressId: Id,
  paymentMethod: PaymentMethod,
  idempotencyKey: IdempotencyKey,
});
export type PlaceOrderInput = z.input<typeof PlaceOrderInput>;

/** Shipping fees and cart limits for the whole platform, set by an admin. */
export const CheckoutSettings = z.object({
  shippingFlatFee: z.number().int().min(0).max(1_000_000),
  /** Goods of one seller at or above this ship free; null: always the flat fee. */
  freeShippingAbove: z.number().int().min(0).max(1_000_000_000).nullable(),
  maxQtyPerLine: z.number().int().min(1).max(1000),
  maxUnitsPerOrder: z.number().int().min(1).max(10_000),
  /** Orders above this total must be paid online; null: no cap. */
  codMaxOrderValue: z.number().int().min(0).max(1_000_000_000).nullable(),
});
export type CheckoutSettings = z.infer<typeof CheckoutSettings>;
export const SetCheckoutSettingsInput = CheckoutSettings.partial();
export type SetCheckoutSettingsInput = z.input<typeof SetCheckoutSettingsInput>;
