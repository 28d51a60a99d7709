export { addCartItem } from "./add-cart-item";
export { applyCoupon, removeCoupon } from "./cart-coupon";
export { type CartLineRow, categoryAncestry, loadCartLines, variantLabel } from "./cart-lines";
export { type CartOwner, type CartRow, ensureCart, findCart, GUEST_CART_DAYS } from "./cart-owner";
export { type EvaluatedCart, type EvaluatedLine, evaluateCart } from "./evaluate-cart";
export { type CartResult, getCart } from "./get-cart";
export { mergeGuestCart } from "./merge-guest-cart";
export { clearCart, removeCartItem, updateCartItem } from "./update-cart-item";
