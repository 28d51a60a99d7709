export { createPaymentGateway } from "./create-payment-gateway";
export { checkDevReturnUrl, devReturnUrl, renderDevCheckoutPage } from "./dev-checkout-page";
export {
  type CheckoutFailureParams,
  type CheckoutSuccessParams,
  completeDevPayment,
  createDevGateway,
  DEV_KEY_ID,
  type DevGateway,
  type DevWebhook,
} from "./dev-gateway";
export {
  type GatewayOrder,
  type GatewayPayment,
  type GatewayRefund,
  type PaymentGateway,
  signCheckout,
  signWebhook,
} from "./gateway";
export { type ParsedWebhookEvent, parseWebhookEvent } from "./razorpay-entities";
export { createRazorpayGateway, type RazorpayOptions } from "./razorpay-gateway";
