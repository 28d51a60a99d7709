import { createAddress, listAddresses, removeAddress, setDefaultAddress, updateAddress } from "@bazaar/core";
import { CreateAddressInput, IdInput, UpdateAddressInput } from "@bazaar/schemas";
import { authedProcedure } from "../trpc";

export const addressesRoutes = {
  /** The signed-in user's own addresses, mounted at `addresses`. */
  signedIn: {
    list: authedProcedure.query(({ ctx }) => listAddresses(ctx.deps, ctx.actor)),
    create: authedProcedure
      .input(CreateAddressInput)
      .mutation(({ ctx, input }) => createAddress(ctx.deps, ctx.actor, input)),
    update: authedProcedure
      .input(UpdateAddressInput)
      .mutation(({ ctx, input }) => updateAddress(ctx.deps, ctx.actor, input)),
    remove: authedProcedure
      .input(IdInput)
      .mutation(({ ctx, input }) => removeAddress(ctx.deps, ctx.actor, input)),
    setDefault: authedProcedure
      .input(IdInput)
      .mutation(({ ctx, input }) => setDefaultAddress(ctx.deps, ctx.actor, input)),
  },
};
