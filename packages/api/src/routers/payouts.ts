import {
  adminGetPayout,
  adminListPayouts,
  approvePayout,
  exportPayouts,
  getMyPayout,
  listMyPayouts,
  markPayoutPaid,
  rejectPayout,
  requestPayout,
} from "@bazaar/core";
import {
  AdminPayoutsExportInput,
  AdminPayoutsListInput,
  PayoutIdInput,
  PayoutMarkPaidInput,
  PayoutOutput,
  PayoutPageOutput,
  PayoutRejectInput,
  PayoutRequestInput,
  SellerPayoutsListInput,
} from "@bazaar/schemas";
import { rest } from "../rest-meta";
import { adminProcedure, sellerProcedure } from "../trpc";

export const payoutsRoutes = {
  seller: {
    /** Mounted at `seller.payouts`: the seller's own withdrawals. */
    payouts: {
      request: sellerProcedure
        .input(PayoutRequestInput)
        .mutation(({ ctx, input }) => requestPayout(ctx.deps, ctx.actor, input)),
      list: sellerProcedure
        .meta(
          rest("GET", "/seller/payouts", {
            tags: ["Seller payouts"],
            summary: "The shop's withdrawals",
            scope: "payouts:read",
            page: "Payout",
          }),
        )
        .input(SellerPayoutsListInput)
        .output(PayoutPageOutput)
        .query(({ ctx, input }) => listMyPayouts(ctx.deps, ctx.actor, input)),
      get: sellerProcedure
        .meta(
          rest("GET", "/seller/payouts/{id}", {
            tags: ["Seller payouts"],
            summary: "One withdrawal",
            scope: "payouts:read",
            returns: "The payout.",
          }),
        )
        .input(PayoutIdInput)
        .output(PayoutOutput)
        .query(({ ctx, input }) => getMyPayout(ctx.deps, ctx.actor, input)),
    },
  },
  admin: {
    /** Mounted at `admin.payouts`: the queue, decisions and the bank file. */
    payouts: {
      list: adminProcedure
        .input(AdminPayoutsListInput)
        .query(({ ctx, input }) => adminListPayouts(ctx.deps, ctx.actor, input)),
      get: adminProcedure
        .input(PayoutIdInput)
        .query(({ ctx, input }) => adminGetPayout(ctx.deps, ctx.actor, input)),
      approve: adminProcedure
        .input(PayoutIdInput)
        .mutation(({ ctx, input }) => approvePayout(ctx.deps, ctx.actor, input)),
      markPaid: adminProcedure
        .input(PayoutMarkPaidInput)
        .mutation(({ ctx, input }) => markPayoutPaid(ctx.deps, ctx.actor, input)),
      reject: adminProcedure
        .input(PayoutRejectInput)
        .mutation(({ ctx, input }) => rejectPayout(ctx.deps, ctx.actor, input)),
      export: adminProcedure
        .input(AdminPayoutsExportInput)
        .mutation(({ ctx, input }) => exportPayouts(ctx.deps, ctx.actor, input)),
    },
  },
};
