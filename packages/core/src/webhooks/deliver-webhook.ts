import { sellers, users, webhookDeliveries, webhookEndpoints, webhookOutbox } from "@bazaar/db";
import type { WebhookDeliveryDto } from "@bazaar/schemas";
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps } from "../platform/deps";
import { deliveryDto } from "./dto";
import { postWebhook } from "./http-post";
import { decryptSecret, signatureHeader } from "./secrets";
import { checkWebhookUrl, policyOf } from "./url-policy";

const DAY_MS = 24 * 3600_000;
/** An endpoint failing this long without one success is turned off and its owner emailed. */
export const DISABLE_AFTER_MS = 3 * DAY_MS;
const MAX_DELAY_MS = 6 * 3600_000;

/** The wait before attempt n+1: base, 2×base, 4×base … at most 6 h, so ~14 tries in 24 h at 30 s. */
export const retryDelayMs = (deps: Pick<Deps, "webhooks">, attempt: number) =>
  Math.min((deps.webhooks?.retryBaseMs ?? 30_000) * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);

/**
 * One job per attempt. An attempt that crashed holding its claim is retried under a key of its
 * own (the claim's expiry), since BullMQ keeps finished jobs' ids and would ignore the first.
 */
export const deliverJobKey = (eventId: string, attempts: number, crashedClaim?: Date | null) =>
  `webhook-${eventId}-${attempts}${crashedClaim ? `-r${crashedClaim.getTime()}` : ""}`;

/**
 * Job `webhooks.deliver`: one attempt at one event. The row is claimed first (a lock until the
 * time limit passes), so two jobs for the same event never post it twice at once; a crash
 * leaves the claim to expire and the event to the dispatch pass. The POST carries the Standard
 * Webhooks headers, signed with the current secret and, during a rotation, the previous one.
 * The attempt is logged; a 2xx marks the event delivered and the endpoint healthy, anything
 * else schedules the next try with exponential backoff until 24 h have passed (then `failed`).
 * An endpoint failing for 3 days is disabled and its owner emailed. Never throws for a failed
 * POST: retries are ours, not the queue's. Answers the event as it now stands (null: nothing
 * was due).
 */
export async function deliverWebhookEvent(deps: Deps, eventId: string): Promise<WebhookDeliveryDto | null> {
  const now = deps.now();
  const timeoutMs = deps.webhooks?.timeoutMs ?? 10_000;
  const [event] = await deps.db
    .update(webhookOutbox)
    .set({ lockedUntil: new Date(now.getTime() + timeoutMs + 30_000) })
    .where(
      and(
        eq(webhookOutbox.id, eventId),
        eq(webhookOutbox.status, "pending"),
        lte(webhookOutbox.nextAttemptAt, now),
        or(isNull(webhookOutbox.lockedUntil), lt(webhookOutbox.lockedUntil, now)),
      ),
    )
    .returning();
  if (!event) return null;
  const [endpoint] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, event.endpointId));
  if (!endpoint?.enabled) {
    // Turned off since: the event is kept in the log, and can be redelivered once it is back on.
    const [failed] = await deps.db
      .update(webhookOutbox)
      .set({ status: "failed", lockedUntil: null })
      .where(eq(webhookOutbox.id, event.id))
      .returning();
    return deliveryDto(failed!, []);
  }

  const policy = policyOf(deps);
  const secrets = [decryptSecret(deps, endpoint.secretEncrypted)];
  if (
    endpoint.previousSecretEncrypted &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now
  )
    secrets.push(decryptSecret(deps, endpoint.previousSecretEncrypted));
  const body = JSON.stringify(event.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  let result: Awaited<ReturnType<typeof postWebhook>>;
  try {
    // The URL was checked when saved; checked again here in case the policy tightened since.
    const url = checkWebhookUrl(policy, endpoint.url);
    result = await postWebhook(
      policy,
      url,
      {
        "webhook-id": event.webhookId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signatureHeader(secrets, event.webhookId, timestamp, body),
      },
      body,
      timeoutMs,
    );
  } catch (err) {
    result = { status: null, durationMs: 0, error: err instanceof Error ? err.message : String(err) };
  }
  const ok = result.error === null;
  const attempt = event.attempts + 1;

  const { updated, emailId } = await deps.db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({
      eventId: event.id,
      endpointId: endpoint.id,
      attempt,
      status: ok ? "succeeded" : "failed",
      responseStatus: result.status,
      durationMs: result.durationMs,
      error: result.error,
      createdAt: now,
    });
    const next = new Date(now.getTime() + retryDelayMs(deps, attempt));
    // The 24 h run from the first attempt, on the deliverer's clock (the outbox row's default
    // is the database's, which a test's clock does not move); in practice that is the event.
    const giveUpAt = event.attempts === 0 ? new Date(now.getTime() + DAY_MS) : event.giveUpAt;
    const gaveUp = !ok && next > giveUpAt;
    const [updated] = await tx
      .update(webhookOutbox)
      .set({
        attempts: attempt,
        giveUpAt,
        lockedUntil: null,
        status: ok ? "delivered" : gaveUp ? "failed" : "pending",
        deliveredAt: ok ? now : null,
        nextAttemptAt: ok || gaveUp ? event.nextAttemptAt : next,
      })
      .where(eq(webhookOutbox.id, event.id))
      .returning();
    if (ok) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(and(eq(webhookEndpoints.id, endpoint.id), sql`${webhookEndpoints.failingSince} is not null`));
      return { updated: updated!, emailId: null };
    }
    // Failing since the first failure after the last success; disabled once that is 3 days old.
    const [ep] = await tx
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning();
    if (!ep?.enabled || !ep.failingSince || now.getTime() - ep.failingSince.getTime() < DISABLE_AFTER_MS)
      return { updated: updated!, emailId: null };
    const [off] = await tx
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: "failing", updatedAt: now })
      .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true)))
      .returning({ id: webhookEndpoints.id });
    if (!off) return { updated: updated!, emailId: null };
    return { updated: updated!, emailId: await emailOwner(deps, tx, ep) };
  });
  if (emailId) await dispatchEmails(deps, [emailId]);
  if (updated.status === "pending")
    await queueDelivery(deps, updated.id, updated.attempts, updated.nextAttemptAt);
  const attempts = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.eventId, event.id));
  return deliveryDto(updated, attempts);
}

async function emailOwner(
  deps: Deps,
  tx: Deps["db"],
  ep: typeof webhookEndpoints.$inferSelect,
): Promise<string | null> {
  const [owner] = ep.sellerId
    ? await tx
        .select({ email: users.email, name: users.name })
        .from(sellers)
        .innerJoin(users, eq(users.id, sellers.userId))
        .where(eq(sellers.id, ep.sellerId))
    : ep.createdBy
      ? await tx
          .select({ email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, ep.createdBy))
      : [];
  if (!owner) return null;
  return queueEmail(tx, {
    to: owner.email,
    template: "webhook_endpoint_disabled",
    payload: {
      name: owner.name,
      url: ep.url,
      since: ep.failingSince?.toISOString() ?? "",
      link: `${ep.sellerId ? deps.urls.seller : deps.urls.admin}/webhooks`,
    },
  });
}

/** Queues the attempt after `attempts` (deduplicated by that count), when it is due. */
export async function queueDelivery(
  deps: Pick<Deps, "jobs" | "log" | "now">,
  eventId: string,
  attempts: number,
  at: Date,
  crashedClaim?: Date | null,
): Promise<void> {
  try {
    await deps.jobs.enqueue(
      "webhooks.deliver",
      { eventId },
      {
        delayMs: Math.max(0, at.getTime() - deps.now().getTime()),
        dedupeKey: deliverJobKey(eventId, attempts, crashedClaim),
      },
    );
  } catch (err) {
    // The row stays pending; the dispatch pass queues it again.
    deps.log.warn({ err, eventId }, "could not queue a webhook delivery; the dispatch pass will");
  }
}
