import {
  adminGetReturn,
  adminGetShopReturnWindow,
  adminListReturns,
  adminSetShopReturnWindow,
  approveReturn,
  cancelReturn,
  decideReturn,
  escalateReturn,
  getMyReturn,
  getReturnSettings,
  getSellerReturn,
  getShopReturnWindow,
  listMyReturns,
  listSellerReturns,
  markReturnRefundPaid,
  receiveReturn,
  rejectReturn,
  requestReturn,
  setDefaultReturnWindow,
  setShopReturnWindow,
} from "@bazaar/core";
import {
  AdminReturnDecideInput,
  AdminReturnsListInput,
  AdminSetShopReturnWindowInput,
  MarkRefundPaidInput,
  ReturnEscalateInput,
  ReturnIdInput,
  ReturnReceiveInput,
  ReturnRejectInput,
  ReturnRequestInput,
  ReturnsMineInput,
  SellerIdInput,
  SellerReturnOutput,
  SellerReturnPageOutput,
  SellerReturnsListInput,
  SetDefaultReturnWindowInput,
  SetShopReturnWindowInput,
} from "@bazaar/schemas";
import { rest } from "../rest-meta";
import { adminProcedure, customerProcedure, sellerProcedure } from "../trpc";

export const returnsRoutes = {
  public: {},
  /** The buyer's returns, mounted at `returns`. */
  customer: {
    request: customerProcedure
      .input(ReturnRequestInput)
      .mutation(({ ctx, input }) => requestReturn(ctx.deps, ctx.actor, input)),
    list: customerProcedure
      .input(ReturnsMineInput)
      .query(({ ctx, input }) => listMyReturns(ctx.deps, ctx.actor, input)),
    get: customerProcedure
      .input(ReturnIdInput)
      .query(({ ctx, input }) => getMyReturn(ctx.deps, ctx.actor, input)),
    cancel: customerProcedure
      .input(ReturnIdInput)
      .mutation(({ ctx, input }) => cancelReturn(ctx.deps, ctx.actor, input)),
    escalate: customerProcedure
      .input(ReturnEscalateInput)
      .mutation(({ ctx, input }) => escalateReturn(ctx.deps, ctx.actor, input)),
  },
  signedIn: {},
  seller: {
    /** Mounted at `seller.returns`: returns of the seller's own shop only. */
    returns: {
      list: sellerProcedure
        .meta(
          rest("GET", "/seller/returns", {
            tags: ["Seller returns"],
            summary: "Return requests for the shop",
            scope: "returns:read",
            page: "Return",
          }),
        )
        .input(SellerReturnsListInput)
        .output(SellerReturnPageOutput)
        .query(({ ctx, input }) => listSellerReturns(ctx.deps, ctx.actor, input)),
      get: sellerProcedure
        .meta(
          rest("GET", "/seller/returns/{id}", {
            tags: ["Seller returns"],
            summary: "One return request",
            scope: "returns:read",
            returns: "The return with its lines.",
          }),
        )
        .input(ReturnIdInput)
        .output(SellerReturnOutput)
        .query(({ ctx, input }) => getSellerReturn(ctx.deps, ctx.actor, input)),
      approve: sellerProcedure
        .meta(
          rest("POST", "/seller/returns/{id}/approve", {
            tags: ["Seller returns"],
            summary: "Approve a return request",
            scope: "returns:write",
            returns: "The return as approved.",
          }),
        )
        .input(ReturnIdInput)
        .output(SellerReturnOutput)
        .mutation(({ ctx, input }) => approveReturn(ctx.deps, ctx.actor, input)),
      reject: sellerProcedure
        .meta(
          rest("POST", "/seller/returns/{id}/reject", {
            tags: ["Seller returns"],
            summary: "Reject a return request with a reason (the buyer may escalate)",
            scope: "returns:write",
            returns: "The return as rejected.",
          }),
        )
        .input(ReturnRejectInput)
        .output(SellerReturnOutput)
        .mutation(({ ctx, input }) => rejectReturn(ctx.deps, ctx.actor, input)),
      receive: sellerProcedure
        .input(ReturnReceiveInput)
        .mutation(({ ctx, input }) => receiveReturn(ctx.deps, ctx.actor, input)),
      /** The shop's return window (shown and edited on the shop profile). */
      window: sellerProcedure.query(({ ctx }) => getShopReturnWindow(ctx.deps, ctx.actor)),
      setWindow: sellerProcedure
        .input(SetShopReturnWindowInput)
        .mutation(({ ctx, input }) => setShopReturnWindow(ctx.deps, ctx.actor, input)),
    },
  },
  admin: {
    /** Mounted at `admin.returns`: escalations, COD refunds owed, return windows. */
    returns: {
      list: adminProcedure
        .input(AdminReturnsListInput)
        .query(({ ctx, input }) => adminListReturns(ctx.deps, ctx.actor, input)),
      get: adminProcedure
        .input(ReturnIdInput)
        .query(({ ctx, input }) => adminGetReturn(ctx.deps, ctx.actor, input)),
      decide: adminProcedure
        .input(AdminReturnDecideInput)
        .mutation(({ ctx, input }) => decideReturn(ctx.deps, ctx.actor, input)),
      markRefundPaid: adminProcedure
        .input(MarkRefundPaidInput)
        .mutation(({ ctx, input }) => markReturnRefundPaid(ctx.deps, ctx.actor, input)),
      settings: adminProcedure.query(({ ctx }) => getReturnSettings(ctx.deps, ctx.actor)),
      setDefaultWindow: adminProcedure
        .input(SetDefaultReturnWindowInput)
        .mutation(({ ctx, input }) => setDefaultReturnWindow(ctx.deps, ctx.actor, input)),
      /** A shop's own window and the default it otherwise follows (the seller detail page). */
      shopWindow: adminProcedure
        .input(SellerIdInput)
        .query(({ ctx, input }) => adminGetShopReturnWindow(ctx.deps, ctx.actor, input)),
      setShopWindow: adminProcedure
        .input(AdminSetShopReturnWindowInput)
        .mutation(({ ctx, input }) => adminSetShopReturnWindow(ctx.deps, ctx.actor, input)),
    },
  },
};
