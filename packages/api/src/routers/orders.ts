import {
  adminCancelOrder,
  adminGetOrder,
  adminListOrders,
  advanceSubOrder,
  assertSessionLive,
  cancelMyOrder,
  customerChannel,
  DomainError,
  getMyOrder,
  getSellerOrder,
  listMyOrders,
  listSellerOrders,
  requireApprovedSeller,
  sellerChannel,
} from "@bazaar/core";
import {
  AdminCancelInput,
  AdminOrdersListInput,
  AdvanceSubOrderInput,
  CustomerCancelInput,
  Id,
  OrderIdInput,
  OrderOutput,
  OrderSummaryPageOutput,
  OrdersMineInput,
  type OrderUpdateEvent,
  SellerOrderOutput,
  SellerOrderPageOutput,
  SellerOrdersListInput,
} from "@bazaar/schemas";
import { z } from "zod";
import { whileAllowed } from "../live";
import { rest } from "../rest-meta";
import { adminProcedure, authedProcedure, customerProcedure, sellerProcedure } from "../trpc";

const SubOrderIdInput = z.object({ subOrderId: Id });

export const ordersRoutes = {
  /** The buyer's own orders, mounted at `orders`. */
  customer: {
    mine: customerProcedure
      .meta(
        rest("GET", "/orders", {
          tags: ["Customer orders"],
          summary: "The signed-in customer's orders",
          description: "Session token only: API keys act for shops, not buyers.",
          page: "Order",
        }),
      )
      .input(OrdersMineInput)
      .output(OrderSummaryPageOutput)
      .query(({ ctx, input }) => listMyOrders(ctx.deps, ctx.actor, input)),
    byId: customerProcedure
      .meta(
        rest("GET", "/orders/{orderId}", {
          tags: ["Customer orders"],
          summary: "One of the customer's orders, with its parts and timeline",
          description: "Session token only.",
          returns: "The order, split by shop.",
        }),
      )
      .input(OrderIdInput)
      .output(OrderOutput)
      .query(({ ctx, input }) => getMyOrder(ctx.deps, ctx.actor, input)),
    cancel: customerProcedure
      .input(CustomerCancelInput)
      .mutation(({ ctx, input }) => cancelMyOrder(ctx.deps, ctx.actor, input)),
  },

  /** Also mounted at `orders`: buyers and sellers both listen here. */
  signedIn: {
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
  },

  seller: {
    /** Mounted at `seller.orders`: the seller's own sub-orders only. */
    orders: {
      list: sellerProcedure
        .meta(
          rest("GET", "/seller/orders", {
            tags: ["Seller orders"],
            summary: "The shop's orders (its part of each order)",
            scope: "orders:read",
            page: "SellerOrder",
          }),
        )
        .input(SellerOrdersListInput)
        .output(SellerOrderPageOutput)
        .query(({ ctx, input }) => listSellerOrders(ctx.deps, ctx.actor, input)),
      byId: sellerProcedure
        .meta(
          rest("GET", "/seller/orders/{subOrderId}", {
            tags: ["Seller orders"],
            summary: "One of the shop's orders, with lines and timeline",
            scope: "orders:read",
            returns: "The shop's part of the order.",
          }),
        )
        .input(SubOrderIdInput)
        .output(SellerOrderOutput)
        .query(({ ctx, input }) => getSellerOrder(ctx.deps, ctx.actor, input)),
      advance: sellerProcedure
        .meta(
          rest("POST", "/seller/orders/{subOrderId}/status", {
            tags: ["Seller orders"],
            summary:
              "Move an order on: confirmed, packed, shipped (carrier and tracking number), delivered, cancelled",
            scope: "orders:write",
            returns: "The order as it now is.",
          }),
        )
        .input(AdvanceSubOrderInput)
        .output(SellerOrderOutput)
        .mutation(({ ctx, input }) => advanceSubOrder(ctx.deps, ctx.actor, input)),
    },
  },

  admin: {
    /** Mounted at `admin.orders`: every order, and cancelling any part before delivery. */
    orders: {
      list: adminProcedure
        .input(AdminOrdersListInput)
        .query(({ ctx, input }) => adminListOrders(ctx.deps, ctx.actor, input)),
      byId: adminProcedure
        .input(OrderIdInput)
        .query(({ ctx, input }) => adminGetOrder(ctx.deps, ctx.actor, input)),
      cancel: adminProcedure
        .input(AdminCancelInput)
        .mutation(({ ctx, input }) => adminCancelOrder(ctx.deps, ctx.actor, input)),
    },
  },
};
