import {
  createReport,
  getReportCase,
  listReportCases,
  resolveReportCase,
  restoreReportedContent,
} from "@bazaar/core";
import {
  AdminReportsListInput,
  ReportCaseIdInput,
  ReportCreateInput,
  ReportResolveInput,
  ReportRestoreInput,
} from "@bazaar/schemas";
import { adminProcedure, authedProcedure } from "../trpc";

export const reportsRoutes = {
  public: {},
  customer: {},
  /** Mounted at `reports`: anyone signed in reports a product, review, question, answer or shop. */
  signedIn: {
    create: authedProcedure
      .input(ReportCreateInput)
      .mutation(({ ctx, input }) => createReport(ctx.deps, ctx.actor, input)),
  },
  seller: {},
  admin: {
    /** Mounted at `admin.reports`: the queue of report cases and their decisions. */
    reports: {
      list: adminProcedure
        .input(AdminReportsListInput)
        .query(({ ctx, input }) => listReportCases(ctx.deps, ctx.actor, input)),
      get: adminProcedure
        .input(ReportCaseIdInput)
        .query(({ ctx, input }) => getReportCase(ctx.deps, ctx.actor, input)),
      resolve: adminProcedure
        .input(ReportResolveInput)
        .mutation(({ ctx, input }) => resolveReportCase(ctx.deps, ctx.actor, input)),
      restore: adminProcedure
        .input(ReportRestoreInput)
        .mutation(({ ctx, input }) => restoreReportedContent(ctx.deps, ctx.actor, input)),
    },
  },
};
