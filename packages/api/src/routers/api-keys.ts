import { createApiKey, listApiKeys, revokeApiKey } from "@bazaar/core";
import { ApiKeyCreateInput, ApiKeyIdInput } from "@bazaar/schemas";
import { sellerProcedure } from "../trpc";

export const apiKeysRoutes = {
  /**
   * Mounted at `seller.apiKeys`: the shop's keys for integrations. Sessions only: these carry
   * no API-key scope, so a key can never mint, list or revoke keys.
   */
  seller: {
    apiKeys: {
      create: sellerProcedure
        .input(ApiKeyCreateInput)
        .mutation(({ ctx, input }) => createApiKey(ctx.deps, ctx.actor, input)),
      list: sellerProcedure.query(({ ctx }) => listApiKeys(ctx.deps, ctx.actor)),
      revoke: sellerProcedure
        .input(ApiKeyIdInput)
        .mutation(({ ctx, input }) => revokeApiKey(ctx.deps, ctx.actor, input)),
    },
  },
};
