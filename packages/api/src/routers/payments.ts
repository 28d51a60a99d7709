import {
  confirmPayment,
  confirmStripePayment,
  getPaymentGateways,
  payMyOrder,
  setPaymentGateways,
} from "@bazaar/core";
import { ConfirmPaymentInput, OrderIdInput, SetPaymentGatewaysInput } from "@bazaar/schemas";
import { adminProcedure, customerProcedure } from "../trpc";

export const paymentsRoutes = {
  /** Mounted at `payments`. */
  customer: {
    /** After Razorpay Checkout (or the dev gateway page) hands back its signed result. */
    confirm: customerProcedure
      .input(ConfirmPaymentInput)
      .mutation(({ ctx, input }) => confirmPayment(ctx.deps, ctx.actor, input)),
    /** Pay (again) for an online order still waiting for its payment. */
    start: customerProcedure
      .input(OrderIdInput)
      .mutation(({ ctx, input }) => payMyOrder(ctx.deps, ctx.actor, input)),
    /** Back from Stripe's Payment Element: the server asks Stripe how the order's intent stands. */
    confirmStripe: customerProcedure
      .input(OrderIdInput)
      .mutation(({ ctx, input }) => confirmStripePayment(ctx.deps, ctx.actor, input)),
  },

  /** Which ways to pay are on; mounted at `admin.payments`. */
  admin: {
    payments: {
      gateways: adminProcedure.query(({ ctx }) => getPaymentGateways(ctx.deps)),
      setGateways: adminProcedure
        .input(SetPaymentGatewaysInput)
        .mutation(({ ctx, input }) => setPaymentGateways(ctx.deps, ctx.actor, input)),
    },
  },
};
