// zod schemas of outbound webhooks: endpoints, events, the delivery log (issue #16).
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";

/** Every event an endpoint may subscribe to. Sellers hear their own shop's; the platform hears all. */
export const WebhookEventType = z.enum(
  [
    "order.placed",
    "order.paid",
    "order.cancelled",
    "sub_order.status_changed",
    "return.requested",
    "return.approved",
    "return.rejected",
    "return.received",
    "return.refunded",
    "product.approved",
    "product.rejected",
    "payout.paid",
    "stock.low",
  ],
  { message: "Choose events from the list" },
);
export type WebhookEventType = z.infer<typeof WebhookEventType>;
export const WEBHOOK_EVENT_TYPES = WebhookEventType.options;

/** The event a "send test event" delivers; no endpoint subscribes to it. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WebhookUrl = z
  .string({ message: "Enter the endpoint's URL" })
  .trim()
  .min(1, "Enter the endpoint's URL")
  .max(2000, "The URL is at most 2,000 characters")
  .refine((s) => URL.canParse(s), { message: "Enter a full URL, e.g. https://example.com/webhooks" });

const Events = z
  .array(WebhookEventType, { message: "Choose the events to send" })
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length, "Each event once")
  .refine((a) => new Set(a).size === a.length, { message: "Each event once" });

const Description = safeText("Description").max(200, "Keep the description under 200 characters");
const LowStockThreshold = z
  .number({ message: "The low-stock threshold must be a number" })
  .int("The low-stock threshold is a whole number")
  .min(1, "The low-stock threshold is at least 1")
  .max(100_000, "The low-stock threshold is at most 100,000");

export const WebhookEndpointCreateInput = z.object({
  url: WebhookUrl,
  events: Events,
  description: Description.optional(),
  lowStockThreshold: LowStockThreshold.optional(),
});
export type WebhookEndpointCreateInput = z.input<typeof WebhookEndpointCreateInput>;

export const WebhookEndpointUpdateInput = z.object({
  id: Id,
  url: WebhookUrl.optional(),
  events: Events.optional(),
  description: Description.optional(),
  lowStockThreshold: LowStockThreshold.optional(),
  enabled: z.boolean({ message: "Enabled is true or false" }).optional(),
});
export type WebhookEndpointUpdateInput = z.input<typeof WebhookEndpointUpdateInput>;

export const WebhookEndpointIdInput = z.object({ id: Id });
export type WebhookEndpointIdInput = z.input<typeof WebhookEndpointIdInput>;

export const WebhookDeliveriesInput = PageInput.extend({ endpointId: Id });
export type WebhookDeliveriesInput = z.input<typeof WebhookDeliveriesInput>;

export const WebhookRedeliverInput = z.object({ eventId: Id });
export type WebhookRedeliverInput = z.input<typeof WebhookRedeliverInput>;

// ---- outputs ----------------------------------------------------------------------------------

export type WebhookEndpointDto = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  lowStockThreshold: number;
  enabled: boolean;
  /** `manual` (turned off by its owner) or `failing` (3 days of failed deliveries). */
  disabledReason: "manual" | "failing" | null;
  failingSince: Date | null;
  /** While a rotated-out secret still signs (the overlap window). */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

/** What create and rotate answer: the secret, shown this once. */
export type WebhookSecretDto = { endpoint: WebhookEndpointDto; secret: string };

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

export type WebhookAttemptDto = {
  attempt: number;
  status: "succeeded" | "failed";
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  createdAt: Date;
};

/** One event sent to an endpoint, with its attempts newest first. */
export type WebhookDeliveryDto = {
  eventId: string;
  webhookId: string;
  type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  lastAttempt: WebhookAttemptDto | null;
  history: WebhookAttemptDto[];
};

/** The outcome of one attempt made while the caller waited (a test event). */
export type WebhookTestResultDto = { delivery: WebhookDeliveryDto };
