import { conversations, messages, products, sellers, subOrders, users } from "@bazaar/db";
import type { MessageSender } from "@bazaar/schemas";
import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps } from "../platform/deps";
import { previewOf, shortName } from "./queries";

/** A message unread this long is emailed to its reader. */
export const UNREAD_EMAIL_AFTER_MS = 10 * 60_000;
/** At most one such email per conversation and side in this long. */
export const UNREAD_EMAIL_GAP_MS = 60 * 60_000;

/**
 * Schedules the check for a message written at `at`. Messages of one ten-minute bucket share
 * one job (its key), which runs ten minutes after the bucket closes, so every message in it
 * has waited at least ten minutes by then; a burst of messages is one job, not one each.
 */
export async function enqueueUnreadEmail(
  deps: Pick<Deps, "jobs" | "now">,
  conversationId: string,
  side: MessageSender,
  at: Date,
  key?: string,
): Promise<void> {
  const bucket = Math.ceil(at.getTime() / UNREAD_EMAIL_AFTER_MS);
  const due = bucket * UNREAD_EMAIL_AFTER_MS + UNREAD_EMAIL_AFTER_MS;
  await deps.jobs.enqueue(
    "messages.unread-email",
    { conversationId, side },
    {
      delayMs: Math.max(0, due - deps.now().getTime()),
      dedupeKey: `unread-email:${conversationId}:${side}:${key ?? bucket}`,
    },
  );
}

export type UnreadEmailOutcome = "sent" | "missing" | "read" | "not_due" | "recently_emailed";

/**
 * The `messages.unread-email` job: emails `side` about messages of the other side that have
 * waited unread at least ten minutes and were in no earlier email, unless that side was
 * emailed about this conversation within the hour (then it looks again when the hour is up).
 * Idempotent and safe to run twice at once: it decides under the conversation's row lock
 * and stamps the emailed-at time in the same transaction as the outbox row.
 */
export async function sendUnreadEmail(
  deps: Deps,
  payload: { conversationId: string; side: MessageSender },
): Promise<UnreadEmailOutcome> {
  const { conversationId, side } = payload;
  const other: MessageSender = side === "customer" ? "seller" : "customer";
  const outbox: string[] = [];
  let retryAt: Date | null = null;
  const outcome = await deps.db.transaction(async (tx): Promise<UnreadEmailOutcome> => {
    const [c] = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .for("update");
    if (!c) return "missing";
    const unread = side === "customer" ? c.customerUnread : c.sellerUnread;
    const readSeq = side === "customer" ? c.customerReadSeq : c.sellerReadSeq;
    const emailedAt = side === "customer" ? c.customerEmailedAt : c.sellerEmailedAt;
    if (unread === 0) return "read";
    const [oldest] = await tx
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, c.id),
          eq(messages.senderRole, other),
          gt(messages.seq, readSeq),
          isNull(messages.hiddenAt),
          emailedAt ? gt(messages.createdAt, emailedAt) : undefined,
        ),
      )
      .orderBy(asc(messages.seq))
      .limit(1);
    if (!oldest) return "read";
    const now = deps.now();
    if (now.getTime() - oldest.createdAt.getTime() < UNREAD_EMAIL_AFTER_MS) {
      retryAt = new Date(oldest.createdAt.getTime() + UNREAD_EMAIL_AFTER_MS);
      return "not_due";
    }
    if (emailedAt && now.getTime() - emailedAt.getTime() < UNREAD_EMAIL_GAP_MS) {
      retryAt = new Date(emailedAt.getTime() + UNREAD_EMAIL_GAP_MS);
      return "recently_emailed";
    }

    const [who] = await tx
      .select({ shopName: sellers.shopName, shopUserId: sellers.userId, customerName: users.name })
      .from(sellers)
      .innerJoin(users, eq(users.id, c.customerId))
      .where(eq(sellers.id, c.sellerId));
    if (!who) return "missing";
    const recipientId = side === "customer" ? c.customerId : who.shopUserId;
    const [to] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, recipientId));
    if (!to) return "missing";
    let subject = "your conversation";
    if (c.productId) {
      const [p] = await tx
        .select({ title: products.title })
        .from(products)
        .where(eq(products.id, c.productId));
      if (p) subject = p.title;
    } else if (c.subOrderId) {
      const [s] = await tx
        .select({ number: subOrders.number })
        .from(subOrders)
        .where(eq(subOrders.id, c.subOrderId));
      if (s) subject = `order ${s.number}`;
    }
    outbox.push(
      await queueEmail(tx, {
        to: to.email,
        template: "message_unread",
        payload: {
          name: to.name,
          fromName: side === "customer" ? who.shopName : shortName(who.customerName),
          subject,
          preview: previewOf(oldest.body, oldest.imageIds.length),
          unread,
          url: `${side === "customer" ? deps.urls.customer : deps.urls.seller}/messages/${c.id}`,
        },
      }),
    );
    await tx
      .update(conversations)
      .set(side === "customer" ? { customerEmailedAt: now } : { sellerEmailedAt: now })
      .where(eq(conversations.id, c.id));
    return "sent";
  });
  await dispatchEmails(deps, outbox);
  const again = retryAt as Date | null;
  if (again)
    await enqueueUnreadEmail(
      deps,
      conversationId,
      side,
      new Date(again.getTime() - UNREAD_EMAIL_AFTER_MS),
      `r${again.getTime()}`,
    );
  return outcome;
}

/**
 * The sweep's part: conversations whose reader has had unread messages for longer than the
 * wait and no email in the last hour, in case their job was lost (a restart of the
 * in-process runner, Redis away). The job decides; enqueuing one too many costs a query.
 */
export async function redriveUnreadEmails(deps: Pick<Deps, "db" | "jobs" | "now">, graceMs: number) {
  const now = deps.now().getTime();
  const waited = new Date(now - UNREAD_EMAIL_AFTER_MS - graceMs);
  const hourAgo = new Date(now - UNREAD_EMAIL_GAP_MS);
  let n = 0;
  for (const side of ["customer", "seller"] as const) {
    const unread = side === "customer" ? conversations.customerUnread : conversations.sellerUnread;
    const emailedAt = side === "customer" ? conversations.customerEmailedAt : conversations.sellerEmailedAt;
    const due = await deps.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          gt(unread, 0),
          lt(conversations.lastMessageAt, waited),
          or(isNull(emailedAt), and(lt(emailedAt, hourAgo), lt(emailedAt, conversations.lastMessageAt))),
        ),
      )
      .limit(500);
    for (const c of due) {
      await deps.jobs.enqueue(
        "messages.unread-email",
        { conversationId: c.id, side },
        { dedupeKey: `unread-email:${c.id}:${side}:sweep${Math.floor(now / UNREAD_EMAIL_AFTER_MS)}` },
      );
      n++;
    }
  }
  return n;
}
