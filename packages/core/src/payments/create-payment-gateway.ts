import { type Config, ConfigError, NO_ONLINE_GATEWAY } from "../config";
import { DomainError } from "../errors";
import type { PaymentGateway } from "../platform/payment-gateway";
import { createDevGateway, type DevWebhook } from "./dev-gateway/dev-gateway";
import { createRazorpayGateway } from "./razorpay-gateway";

/**
 * Razorpay when its keys are configured, the in-process dev gateway otherwise. Production
 * refuses the dev gateway: its hosted page marks orders paid without taking any money. On
 * Stripe alone, production puts a stand-in in Razorpay's place that is never offered.
 */
export function createPaymentGateway(
  config: Pick<Config, "env" | "authSecret" | "razorpay" | "stripe">,
  options: { onDevWebhook?: (webhook: DevWebhook) => void } = {},
): PaymentGateway {
  if (config.razorpay) return createRazorpayGateway(config.razorpay);
  if (config.env === "production") {
    if (config.stripe) return razorpayNotConfigured();
    throw new ConfigError(NO_ONLINE_GATEWAY);
  }
  return createDevGateway({
    serverSecret: config.authSecret,
    ...(options.onDevWebhook && { onWebhook: options.onDevWebhook }),
  });
}

/**
 * Checkout never offers Razorpay with this behind it, so a call means an older Razorpay order
 * (keys since removed): it fails as unavailable, and jobs retry until an operator sets keys.
 */
function razorpayNotConfigured(): PaymentGateway {
  const off = async (): Promise<never> => {
    throw new DomainError(
      "UNAVAILABLE",
      "payment.gateway_not_configured",
      "Razorpay is not configured on this server",
    );
  };
  return {
    kind: "razorpay",
    keyId: "",
    configured: false,
    createOrder: off,
    fetchOrderPayments: off,
    fetchPayment: off,
    refund: off,
    verifyCheckoutSignature: () => false,
    verifyWebhookSignature: () => false,
  };
}
