import { getAuditEntry, listAuditLog } from "@bazaar/core";
import { AuditGetInput, AuditListInput } from "@bazaar/schemas";
import { adminProcedure } from "../trpc";

export const auditRoutes = {
  admin: {
    /** Mounted at `admin.audit`: who did what to whom, newest first, with each change's before -> after. */
    audit: {
      list: adminProcedure
        .input(AuditListInput)
        .query(({ ctx, input }) => listAuditLog(ctx.deps, ctx.actor, input)),
      get: adminProcedure
        .input(AuditGetInput)
        .query(({ ctx, input }) => getAuditEntry(ctx.deps, ctx.actor, input)),
    },
  },
};
