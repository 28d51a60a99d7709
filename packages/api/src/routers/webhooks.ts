import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhookEvent,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@bazaar/core";
import {
  WebhookDeliveriesInput,
  WebhookEndpointCreateInput,
  WebhookEndpointIdInput,
  WebhookEndpointUpdateInput,
  WebhookRedeliverInput,
} from "@bazaar/schemas";
import { adminProcedure, sellerProcedure } from "../trpc";

/**
 * The same procedures for a shop's endpoints (`seller.webhooks`) and the platform's
 * (`admin.webhooks`); core decides whose endpoints the caller reaches from the actor.
 */
function webhookProcedures(procedure: typeof sellerProcedure | typeof adminProcedure) {
  const p = procedure as typeof sellerProcedure;
  return {
    list: p.query(({ ctx }) => listWebhookEndpoints(ctx.deps, ctx.actor)),
    create: p
      .input(WebhookEndpointCreateInput)
      .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.deps, ctx.actor, input)),
    update: p
      .input(WebhookEndpointUpdateInput)
      .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.deps, ctx.actor, input)),
    remove: p
      .input(WebhookEndpointIdInput)
      .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.deps, ctx.actor, input)),
    rotateSecret: p
      .input(WebhookEndpointIdInput)
      .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.deps, ctx.actor, input)),
    deliveries: p
      .input(WebhookDeliveriesInput)
      .query(({ ctx, input }) => listWebhookDeliveries(ctx.deps, ctx.actor, input)),
    redeliver: p
      .input(WebhookRedeliverInput)
      .mutation(({ ctx, input }) => redeliverWebhookEvent(ctx.deps, ctx.actor, input)),
    sendTest: p
      .input(WebhookEndpointIdInput)
      .mutation(({ ctx, input }) => sendTestWebhook(ctx.deps, ctx.actor, input)),
  };
}

export const webhooksRoutes = {
  seller: { webhooks: webhookProcedures(sellerProcedure) },
  admin: { webhooks: webhookProcedures(adminProcedure) },
};
