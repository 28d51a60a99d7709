import {
  addCartItem,
  applyCoupon,
  type CartResult,
  clearCart,
  GUEST_CART_DAYS,
  getCart,
  removeCartItem,
  removeCoupon,
  updateCartItem,
} from "@bazaar/core";
import {
  AddCartItemInput,
  ApplyCouponInput,
  type CartDto,
  RemoveCartItemInput,
  UpdateCartItemInput,
} from "@bazaar/schemas";
import type { Context } from "../context";
import { cartProcedure } from "../trpc";

/**
 * A new guest cart's token goes to a web client as an httpOnly cookie and to a mobile
 * client in the body (it sends it back as `x-bazaar-cart`).
 */
function deliver(ctx: Context, result: CartResult): CartDto & { guestToken?: string } {
  const token = result.issuedGuestToken;
  if (!token) return result.cart;
  if (ctx.http.client === "mobile") return { ...result.cart, guestToken: token };
  ctx.http.setCartCookie(token, new Date(ctx.deps.now().getTime() + GUEST_CART_DAYS * 24 * 3600 * 1000));
  return result.cart;
}

export const cartRoutes = {
  /** A guest's or a customer's cart, mounted at `cart`. */
  shopper: {
    get: cartProcedure.query(({ ctx }) => getCart(ctx.deps, ctx.cartOwner)),
    addItem: cartProcedure
      .input(AddCartItemInput)
      .mutation(async ({ ctx, input }) => deliver(ctx, await addCartItem(ctx.deps, ctx.cartOwner, input))),
    updateItem: cartProcedure
      .input(UpdateCartItemInput)
      .mutation(async ({ ctx, input }) => deliver(ctx, await updateCartItem(ctx.deps, ctx.cartOwner, input))),
    removeItem: cartProcedure
      .input(RemoveCartItemInput)
      .mutation(async ({ ctx, input }) => deliver(ctx, await removeCartItem(ctx.deps, ctx.cartOwner, input))),
    clear: cartProcedure.mutation(async ({ ctx }) => deliver(ctx, await clearCart(ctx.deps, ctx.cartOwner))),
    applyCoupon: cartProcedure
      .input(ApplyCouponInput)
      .mutation(async ({ ctx, input }) =>
        deliver(ctx, await applyCoupon(ctx.deps, ctx.cartOwner, input, { ip: ctx.http.ip })),
      ),
    removeCoupon: cartProcedure.mutation(async ({ ctx }) =>
      deliver(ctx, await removeCoupon(ctx.deps, ctx.cartOwner)),
    ),
  },
};
