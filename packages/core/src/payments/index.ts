export { confirmPayment } from "./confirm-payment";
export { confirmStripePayment } from "./confirm-stripe-payment";
export { createPaymentGateway } from "./create-payment-gateway";
export { checkDevReturnUrl, devReturnUrl, renderDevCheckoutPage } from "./dev-gateway/dev-checkout-page";
export {
  type CheckoutFailureParams,
  type CheckoutSuccessParams,
  completeDevPayment,
  createDevGateway,
  DEV_KEY_ID,
  type DevGateway,
  type DevWebhook,
} from "./dev-gateway/dev-gateway";
export {
  createFakeRazorpay,
  type FakeRazorpay,
  FakeRazorpayError,
} from "./dev-gateway/fake-razorpay";
export { expireOrder } from "./expire-order";
export { expireOverdueOrders } from "./expire-overdue-orders";
export { signCheckout, signWebhook } from "./gateway";
export { gatewayFor } from "./gateway-for";
export { handlePaymentWebhook } from "./handle-payment-webhook";
export { handleRazorpayWebhook } from "./handle-razorpay-webhook";
export { handleStripeWebhook } from "./handle-stripe-webhook";
export { payMyOrder } from "./pay-my-order";
export {
  getPaymentGateways,
  getPaymentOptions,
  offeredPaymentMethods,
  offeredPaymentMethodsOf,
  PAYMENT_GATEWAYS_KEY,
  readGatewayChoice,
} from "./payment-gateways";
export { processRefund } from "./process-refund";
export { type ParsedWebhookEvent, parseWebhookEvent } from "./razorpay-entities";
export { createRazorpayGateway, type RazorpayOptions } from "./razorpay-gateway";
export { receiveRazorpayWebhook } from "./receive-razorpay-webhook";
export { receiveStripeWebhook } from "./receive-stripe-webhook";
export { reconcilePayments } from "./reconcile-payments";
export { redrivePaymentWork } from "./redrive-payment-work";
export { setPaymentGateways } from "./set-payment-gateways";
export { settlePayment } from "./settle-payment";
export { startPayment } from "./start-payment";
export { createStripeGateway, type StripeOptions } from "./stripe-gateway";
