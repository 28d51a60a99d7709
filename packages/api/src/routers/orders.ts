import {
  adminCancelOrder,
  adminGetOrder,
  adminListOrders,
  advanceSubOrder,
  assertSessionLive,
  cancelMyOrder,
  confirmPayment,
  customerChannel,
  DomainError,
  getMyOrder,
  getSellerOrder,
  getTracking,
  listMyOrders,
  listSellerOrders,
  payMyOrder,
  placeOrder,
  requireApprovedSeller,
  sellerChannel,
} from "@bazaar/core";
import {
  AdminCancelInput,
  AdminOrdersListInput,
  AdvanceSubOrderInput,
  ConfirmPaymentInput,
  CustomerCancelInput,
  Id,
  OrderIdInput,
  OrdersMineInput,
  type OrderUpdateEvent,
  PlaceOrderInput,
  SellerOrdersListInput,
  TrackingInput,
} from "@bazaar/schemas";
import { z } from "zod";
import { whileAllowed } from "../live";
import {
  adminProcedure,
  authedProcedure,
  customerProcedure,
  publicProcedure,
  router,
  sellerProcedure,
} from "../trpc";

export const checkoutRouter = router({
  placeOrder: customerProcedure
    .input(PlaceOrderInput)
    .mutation(({ ctx, input }) => placeOrder(ctx.deps, ctx.actor, input)),
});

export const paymentsRouter = router({
  /** After Razorpay Checkout (or the dev gateway page) hands back its signed result. */
  confirm: customerProcedure
    .input(ConfirmPaymentInput)
    .mutation(({ ctx, input }) => confirmPayment(ctx.deps, ctx.actor, input)),
  /** Pay (again) for an online order still waiting for its payment. */
  start: customerProcedure
    .input(OrderIdInput)
    .mutation(({ ctx, input }) => payMyOrder(ctx.deps, ctx.actor, input)),
});

export const ordersRouter = router({
  mine: customerProcedure
    .input(OrdersMineInput)
    .query(({ ctx, input }) => listMyOrders(ctx.deps, ctx.actor, input)),
  byId: customerProcedure
    .input(OrderIdInput)
    .query(({ ctx, input }) => getMyOrder(ctx.deps, ctx.actor, input)),
  cancel: customerProcedure
    .input(CustomerCancelInput)
    .mutation(({ ctx, input }) => cancelMyOrder(ctx.deps, ctx.actor, input)),
  /**
   * Live status over SSE: a buyer hears about their orders, a seller about their shop's.
   * Events say what moved; clients re-read the order for the rest.
   */
  onUpdate: authedProcedure.subscription(async function* ({ ctx, signal }) {
    let channel: string;
    const seller = ctx.actor.role === "seller";
    if (ctx.actor.role === "customer") channel = customerChannel(ctx.actor.userId);
    else if (seller) channel = sellerChannel((await requireApprovedSeller(ctx.deps, ctx.actor)).sellerId);
    else
      throw new DomainError(
        "FORBIDDEN",
        "auth.role_required",
        "Live order updates are for buyers and sellers",
      );
    yield* whileAllowed(
      ctx,
      signal,
      (s) => ctx.deps.live.subscribe(channel, s) as AsyncIterable<OrderUpdateEvent>,
      async (actor) => {
        await assertSessionLive(ctx.deps, actor);
        if (seller) await requireApprovedSeller(ctx.deps, actor);
      },
    );
  }),
});

export const trackingRouter = router({
  get: publicProcedure.input(TrackingInput).query(({ ctx, input }) => getTracking(ctx.deps, input)),
});

const SubOrderIdInput = z.object({ subOrderId: Id });

/** Mounted at `seller.orders`: the seller's own sub-orders only. */
export const sellerOrdersRouter = router({
  list: sellerProcedure
    .input(SellerOrdersListInput)
    .query(({ ctx, input }) => listSellerOrders(ctx.deps, ctx.actor, input)),
  byId: sellerProcedure
    .input(SubOrderIdInput)
    .query(({ ctx, input }) => getSellerOrder(ctx.deps, ctx.actor, input)),
  advance: sellerProcedure
    .input(AdvanceSubOrderInput)
    .mutation(({ ctx, input }) => advanceSubOrder(ctx.deps, ctx.actor, input)),
});

/** Mounted at `admin.orders`. */
export const adminOrdersRouter = router({
  list: adminProcedure
    .input(AdminOrdersListInput)
    .query(({ ctx, input }) => adminListOrders(ctx.deps, ctx.actor, input)),
  byId: adminProcedure
    .input(OrderIdInput)
    .query(({ ctx, input }) => adminGetOrder(ctx.deps, ctx.actor, input)),
  cancel: adminProcedure
    .input(AdminCancelInput)
    .mutation(({ ctx, input }) => adminCancelOrder(ctx.deps, ctx.actor, input)),
});
