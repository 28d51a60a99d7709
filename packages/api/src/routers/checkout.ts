import { getCheckoutSettings, getPaymentOptions, placeOrder, setCheckoutSettings } from "@bazaar/core";
import { PlaceOrderInput, SetCheckoutSettingsInput } from "@bazaar/schemas";
import { adminProcedure, customerProcedure, publicProcedure } from "../trpc";

export const checkoutRoutes = {
  /** Mounted at `checkout` beside placeOrder: the ways to pay the checkout offers now. */
  public: {
    paymentOptions: publicProcedure.query(({ ctx }) => getPaymentOptions(ctx.deps)),
  },
  /** Mounted at `checkout`. */
  customer: {
    placeOrder: customerProcedure
      .input(PlaceOrderInput)
      .mutation(({ ctx, input }) => placeOrder(ctx.deps, ctx.actor, input)),
  },

  /** Shipping fees and cart limits, mounted at `admin.settings` beside the sellers' commission. */
  admin: {
    settings: {
      checkout: adminProcedure.query(({ ctx }) => getCheckoutSettings(ctx.deps.db)),
      setCheckout: adminProcedure
        .input(SetCheckoutSettingsInput)
        .mutation(({ ctx, input }) => setCheckoutSettings(ctx.deps, ctx.actor, input)),
    },
  },
};
