import { z } from "zod";

// Its own module so orders and returns can both name it without importing each other.
export const PaymentMethod = z.enum(["razorpay", "stripe", "cod"], {
  message: "Choose online payment or cash on delivery",
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;
