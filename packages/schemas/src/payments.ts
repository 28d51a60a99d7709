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

/** What the client needs to take an online payment: Razorpay Checkout, or the dev gateway's page. */
export type PaymentStartDto = {
  gateway: "razorpay" | "dev";
  keyId: string;
  razorpayOrderId: string;
  amount: number;
  currency: "INR";
  /** Dev gateway only: open this page instead of Razorpay Checkout. */
  checkoutUrl: string | null;
  prefill: { name: string; email: string; contact: string };
};
