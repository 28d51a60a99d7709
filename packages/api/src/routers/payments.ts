import { confirmPayment, payMyOrder } from "@bazaar/core";
import { ConfirmPaymentInput, OrderIdInput } from "@bazaar/schemas";
import { customerProcedure } from "../trpc";

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
  },
};
