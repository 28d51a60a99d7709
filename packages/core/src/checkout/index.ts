export {
  CHECKOUT_SETTINGS_KEY,
  DEFAULT_CHECKOUT_SETTINGS,
  getCheckoutSettings,
  setCheckoutSettings,
} from "./checkout-settings";
export { placeOrder } from "./place-order";
