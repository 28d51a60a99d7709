import type { webhookDeliveries, webhookEndpoints, webhookOutbox } from "@bazaar/db";
import type {
  WebhookAttemptDto,
  WebhookDeliveryDto,
  WebhookDeliveryStatus,
  WebhookEndpointDto,
  WebhookEventType,
} from "@bazaar/schemas";

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type OutboxRow = typeof webhookOutbox.$inferSelect;
type AttemptRow = typeof webhookDeliveries.$inferSelect;

export function endpointDto(r: EndpointRow, now: Date): WebhookEndpointDto {
  const overlap =
    r.previousSecretExpiresAt && r.previousSecretExpiresAt > now ? r.previousSecretExpiresAt : null;
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events as WebhookEventType[],
    lowStockThreshold: r.lowStockThreshold,
    enabled: r.enabled,
    disabledReason: r.enabled ? null : r.disabledReason === "failing" ? "failing" : "manual",
    failingSince: r.failingSince,
    previousSecretExpiresAt: overlap,
    createdAt: r.createdAt,
  };
}

export const attemptDto = (a: AttemptRow): WebhookAttemptDto => ({
  attempt: a.attempt,
  status: a.status === "succeeded" ? "succeeded" : "failed",
  responseStatus: a.responseStatus,
  durationMs: a.durationMs,
  error: a.error,
  createdAt: a.createdAt,
});

export function deliveryDto(e: OutboxRow, attempts: AttemptRow[]): WebhookDeliveryDto {
  const history = attempts.map(attemptDto).sort((a, b) => b.attempt - a.attempt);
  return {
    eventId: e.id,
    webhookId: e.webhookId,
    type: e.type,
    status: e.status as WebhookDeliveryStatus,
    attempts: e.attempts,
    nextAttemptAt: e.status === "pending" ? e.nextAttemptAt : null,
    deliveredAt: e.deliveredAt,
    createdAt: e.createdAt,
    lastAttempt: history[0] ?? null,
    history,
  };
}
