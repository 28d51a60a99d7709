export { addCartItem } from "./add-cart-item";
export { applyCoupon } from "./apply-coupon";
export { type CartLineRow, categoryAncestry, loadCartLines, variantLabel } from "./cart-lines";
export { type CartOwner, type CartRow, ensureCart, findCart, GUEST_CART_DAYS } from "./cart-owner";
export {
  CHECKOUT_SETTINGS_KEY,
  checkoutSettingsOf,
  DEFAULT_CHECKOUT_SETTINGS,
  getCheckoutSettings,
} from "./checkout-settings";
export { clearCart } from "./clear-cart";
export { codRefusal, type EvaluatedCart, type EvaluatedLine, evaluateCart } from "./evaluate-cart";
export { type CartResult, getCart } from "./get-cart";
export { mergeGuestCart } from "./merge-guest-cart";
export { removeCartItem } from "./remove-cart-item";
export { removeCoupon } from "./remove-coupon";
export { updateCartItem } from "./update-cart-item";
