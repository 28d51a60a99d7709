import { type Config, ConfigError } from "../config";
import type { PaymentGateway } from "../platform/payment-gateway";
import { createDevGateway, type DevWebhook } from "./dev-gateway/dev-gateway";
import { createRazorpayGateway } from "./razorpay-gateway";

/**
 * Razorpay when its keys are configured, the in-process dev gateway otherwise. Production
 * refuses the dev gateway: its hosted page marks orders paid without taking any money.
 */
export function createPaymentGateway(
  config: Pick<Config, "env" | "authSecret" | "razorpay">,
  options: { onDevWebhook?: (webhook: DevWebhook) => void } = {},
): PaymentGateway {
  if (config.razorpay) return createRazorpayGateway(config.razorpay);
  if (config.env === "production")
    throw new ConfigError(
      "Invalid configuration:\n  RAZORPAY_KEY_ID: required in production (the dev gateway takes no money)",
    );
  return createDevGateway({
    serverSecret: config.authSecret,
    ...(options.onDevWebhook && { onWebhook: options.onDevWebhook }),
  });
}
