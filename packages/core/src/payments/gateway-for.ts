import { DomainError } from "../errors";
import type { Deps } from "../platform/deps";
import type { PaymentGateway, StripeGateway } from "../platform/payment-gateway";

/** Stripe's keys, for a message naming what an operator must set. */
export const STRIPE_ENV = "STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET";

export function stripeOf(deps: Pick<Deps, "stripe">): StripeGateway {
  if (!deps.stripe)
    throw new DomainError(
      "UNAVAILABLE",
      "payment.gateway_not_configured",
      "Stripe is not set up on this server.",
      { provider: "stripe" },
    );
  return deps.stripe;
}

/**
 * The gateway that holds a payment row's money (by the row's provider) or takes an order's
 * (by its payment method): Stripe for `stripe`, else the Razorpay port (the dev gateway when
 * Razorpay has no keys). A Stripe payment on a server that lost its Stripe keys is
 * UNAVAILABLE, so jobs retry and the sweep tries again once the keys are back.
 */
export function gatewayFor(
  deps: Pick<Deps, "payments" | "stripe">,
  providerOrMethod: "razorpay" | "dev" | "stripe",
): PaymentGateway {
  return providerOrMethod === "stripe" ? stripeOf(deps) : deps.payments;
}
