export { placeOrder } from "./place-order";
export { setCheckoutSettings } from "./set-checkout-settings";
