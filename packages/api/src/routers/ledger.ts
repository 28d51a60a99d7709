import {
  adjustBalance,
  adminGetBalances,
  adminGetStatement,
  adminListLedger,
  getFinanceSettings,
  getMyBalances,
  getMyStatement,
  listMyLedger,
  setFinanceSettings,
} from "@bazaar/core";
import {
  AdminLedgerListInput,
  AdminStatementInput,
  LedgerAdjustInput,
  LedgerListInput,
  SellerBalancesOutput,
  SellerIdInput,
  SetFinanceSettingsInput,
  StatementInput,
} from "@bazaar/schemas";
import { rest } from "../rest-meta";
import { adminProcedure, sellerProcedure } from "../trpc";

export const ledgerRoutes = {
  seller: {
    /** Mounted at `seller.ledger`: the seller's own money only. */
    ledger: {
      balances: sellerProcedure
        .meta(
          rest("GET", "/seller/payouts/balance", {
            tags: ["Seller payouts"],
            summary: "The shop's balances: pending, available, paid out (paise)",
            scope: "payouts:read",
            returns: "Balances in paise.",
          }),
        )
        .output(SellerBalancesOutput)
        .query(({ ctx }) => getMyBalances(ctx.deps, ctx.actor)),
      list: sellerProcedure
        .input(LedgerListInput)
        .query(({ ctx, input }) => listMyLedger(ctx.deps, ctx.actor, input)),
      statement: sellerProcedure
        .input(StatementInput)
        .query(({ ctx, input }) => getMyStatement(ctx.deps, ctx.actor, input)),
    },
  },
  admin: {
    /** Mounted at `admin.ledger`: any seller's money, and adjustments. */
    ledger: {
      balances: adminProcedure
        .input(SellerIdInput)
        .query(({ ctx, input }) => adminGetBalances(ctx.deps, ctx.actor, input)),
      list: adminProcedure
        .input(AdminLedgerListInput)
        .query(({ ctx, input }) => adminListLedger(ctx.deps, ctx.actor, input)),
      statement: adminProcedure
        .input(AdminStatementInput)
        .query(({ ctx, input }) => adminGetStatement(ctx.deps, ctx.actor, input)),
      adjust: adminProcedure
        .input(LedgerAdjustInput)
        .mutation(({ ctx, input }) => adjustBalance(ctx.deps, ctx.actor, input)),
    },
    /** Spread into `admin.settings` beside commission and checkout. */
    settings: {
      finance: adminProcedure.query(({ ctx }) => getFinanceSettings(ctx.deps, ctx.actor)),
      setFinance: adminProcedure
        .input(SetFinanceSettingsInput)
        .mutation(({ ctx, input }) => setFinanceSettings(ctx.deps, ctx.actor, input)),
    },
  },
};
