import { z } from "zod";
import { safeText } from "./common";

export const ConfirmPaymentInput = z.object({
  razorpayOrderId: safeText("Razorpay order id").min(1, "Required").max(100),
  razorpayPaymentId: safeText("Razorpay payment id").min(1, "Required").max(100),
  signature: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/i, "A signature is 64 hexadecimal characters"),
});
export type ConfirmPaymentInput = z.input<typeof ConfirmPaymentInput>;

/**
 * What the client needs to take an online payment: Razorpay Checkout, the dev gateway's
 * page, or (gateway "stripe") Stripe's Payment Element, where `razorpayOrderId` is the
 * PaymentIntent's id and `stripe` carries the rest.
 */
export type PaymentStartDto = {
  gateway: "razorpay" | "dev" | "stripe";
  keyId: string;
  razorpayOrderId: string;
  amount: number;
  currency: "INR";
  /** Dev gateway only: open this page instead of Razorpay Checkout. */
  checkoutUrl: string | null;
  prefill: { name: string; email: string; contact: string };
  /** Stripe only: the publishable key and the intent's client secret (null if Stripe could not be reached just now). */
  stripe?: { publishableKey: string; clientSecret: string | null; paymentIntentId: string } | null;
};

/** Admin: which ways to pay are on. Each key left out keeps its current value. */
export const SetPaymentGatewaysInput = z
  .object({
    razorpay: z.boolean({ message: "true or false" }).optional(),
    stripe: z.boolean({ message: "true or false" }).optional(),
    cod: z.boolean({ message: "true or false" }).optional(),
  })
  .refine((v) => v.razorpay !== undefined || v.stripe !== undefined || v.cod !== undefined, {
    message: "Say which of razorpay, stripe or cod to turn on or off",
  });
export type SetPaymentGatewaysInput = z.input<typeof SetPaymentGatewaysInput>;

/**
 * One way to pay, as the admin sees it: `enabled` is the admin's choice, `configured` says
 * whether this server has its keys (razorpay falls back to the dev gateway, so it always
 * has), and only a method both enabled and configured is `offered` at checkout.
 */
export type PaymentGatewayDto = {
  method: "razorpay" | "stripe" | "cod";
  enabled: boolean;
  configured: boolean;
  offered: boolean;
  /** razorpay on the local dev gateway (no keys): true. */
  dev: boolean;
};
export type PaymentGatewaysDto = { gateways: PaymentGatewayDto[] };

/** What the checkout offers: the methods, in display order, and what Stripe.js needs. */
export type PaymentOptionsDto = {
  methods: ("razorpay" | "stripe" | "cod")[];
  stripe: { publishableKey: string } | null;
};
