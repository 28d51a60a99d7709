export { createWebhookEndpoint } from "./create-webhook-endpoint";
export { deleteWebhookEndpoint } from "./delete-webhook-endpoint";
export { deliverWebhookEvent } from "./deliver-webhook";
export { dispatchWebhooks } from "./dispatch-webhooks";
export {
  emitWebhookEvent,
  type WebhookEmit,
  webhookEventsJson,
  webhookOutboxInsert,
} from "./emit-webhook-event";
export { listWebhookDeliveries } from "./list-webhook-deliveries";
export { listWebhookEndpoints } from "./list-webhook-endpoints";
export { orderWebhookEvents, payoutWebhookEvent, productWebhookEvent, returnWebhookEvent } from "./payloads";
export { redeliverWebhookEvent } from "./redeliver-webhook-event";
export { rotateWebhookSecret } from "./rotate-webhook-secret";
export { signPayload } from "./secrets";
export { sendTestWebhook } from "./send-test-webhook";
export { updateWebhookEndpoint } from "./update-webhook-endpoint";
