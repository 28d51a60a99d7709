import { listUsers, setUserStatus } from "@bazaar/core";
import { AdminUsersListInput, SetUserStatusInput } from "@bazaar/schemas";
import { adminProcedure } from "../trpc";

export const adminRoutes = {
  admin: {
    /** Mounted at `admin.users`: accounts, and suspending or reinstating them. */
    users: {
      list: adminProcedure
        .input(AdminUsersListInput)
        .query(({ ctx, input }) => listUsers(ctx.deps, ctx.actor, input)),
      setStatus: adminProcedure
        .input(SetUserStatusInput)
        .mutation(({ ctx, input }) => setUserStatus(ctx.deps, ctx.actor, input)),
    },
  },
};
