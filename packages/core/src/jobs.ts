import type { JobContext, JobHandlers } from "@bazaar/jobs";
import { foldPendingSales } from "./analytics";
import { foldSoldCountsJob } from "./catalog";
import { runCatalogImportJob } from "./catalog-csv";
import { releaseFunds } from "./ledger";
import { deleteMedia } from "./media";
import { sendUnreadEmail } from "./messaging";
import { sendEmail } from "./notifications";
import { expireOrder, handlePaymentWebhook, processRefund, reconcilePayments } from "./payments";
import { withAuditScope } from "./platform/audit";
import type { Deps } from "./platform/deps";
import { applySaleBoundary } from "./promotions";
import { sweep } from "./sweep";
import { deliverWebhookEvent, dispatchWebhooks } from "./webhooks";

/**
 * Every job's handler, shared by the in-process runner and the BullMQ worker. Jobs act as
 * the system: each run gets handlers over its own scoped `deps` (withAuditScope), so what it
 * audits is written with role `system` and the job's name and id in place of a request id,
 * even when the in-process runner starts one inside a request.
 */
export function jobHandlers(deps: Deps): JobHandlers {
  type Handler = (payload: never, ctx: JobContext) => Promise<void>;
  const names = Object.keys(handlersOf(deps)) as (keyof JobHandlers)[];
  const scoped = names.map((name) => [
    name,
    (payload: never, ctx: JobContext) => {
      const scope = withAuditScope(deps, {
        actorRole: "system",
        requestId: `job:${name}:${ctx?.jobId ?? ""}`,
      });
      return (handlersOf(scope)[name] as unknown as Handler)(payload, ctx);
    },
  ]);
  return Object.fromEntries(scoped) as JobHandlers;
}

function handlersOf(deps: Deps): JobHandlers {
  return {
    "email.send": async (payload) => void (await sendEmail(deps, payload)),
    "media.delete": async (payload) => void (await deleteMedia(deps, payload.mediaId)),
    "promotions.sale-boundary": async (payload) => applySaleBoundary(deps, payload.saleEventId),
    "payments.webhook": async (payload) => void (await handlePaymentWebhook(deps, payload.eventId)),
    "payments.reconcile": async () => void (await reconcilePayments(deps)),
    "payments.refund": async (payload) => void (await processRefund(deps, payload.refundId)),
    "orders.expire": async (payload) => void (await expireOrder(deps, payload.orderId)),
    "ledger.release": async (payload) => void (await releaseFunds(deps, payload.subOrderId)),
    "messages.unread-email": async (payload) => void (await sendUnreadEmail(deps, payload)),
    "webhooks.deliver": async (payload) => void (await deliverWebhookEvent(deps, payload.eventId)),
    "webhooks.dispatch": async () => void (await dispatchWebhooks(deps)),
    "catalog.import": async (payload, ctx) => runCatalogImportJob(deps, payload, ctx),
    "catalog.fold-sold": async () => void (await foldSoldCountsJob(deps)),
    "analytics.fold-pending": async () => void (await foldPendingSales(deps.db)),
    "maintenance.sweep": async () => void (await sweep(deps)),
  };
}
