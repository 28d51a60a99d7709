import { listUsers, setUserStatus } from "@bazaar/core";
import { AdminUsersListInput, SetUserStatusInput } from "@bazaar/schemas";
import { adminProcedure, router } from "../trpc";

export const adminRouter = router({
  users: router({
    list: adminProcedure
      .input(AdminUsersListInput)
      .query(({ ctx, input }) => listUsers(ctx.deps, ctx.actor, input)),
    setStatus: adminProcedure
      .input(SetUserStatusInput)
      .mutation(({ ctx, input }) => setUserStatus(ctx.deps, ctx.actor, input)),
  }),
});
