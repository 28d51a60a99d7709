import { conversations, type Database, messages, sellers, users } from "@bazaar/db";
import type { MessageDto, MessageSender } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";
import { type Notified, notify, publishNotified } from "../notifications";
import type { Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import {
  type ConversationRow,
  imageUrls,
  inboxChannel,
  type MessageRow,
  messageDto,
  previewOf,
  shortName,
} from "./queries";
import { enqueueUnreadEmail } from "./unread-email";

/**
 * What one inbox channel carries. `prev` is the inbox's previous message seq when this one
 * was written: a stream that delivered exactly `prev` may pass the message on as it is;
 * one that delivered less missed something (or events crossed on the wire) and reads the
 * database instead. Dates arrive as strings through Redis.
 */
export type InboxEvent =
  | { kind: "message"; prev: number; conversationId: string; message: MessageDto; unread: number }
  | { kind: "read"; conversationId: string; reader: MessageSender; readSeq: number; at: Date };

/**
 * Serialises the writes into the two inboxes a message lands in (the buyer's and the
 * shop's) until the transaction ends. With it, a message's seq is taken and committed
 * before the next one of either inbox is written, so within an inbox seq order is commit
 * order: a reader that has seen seq N has seen every earlier message of that inbox, which
 * is what makes `afterSeq` catch-up free of gaps. Two keys in a fixed order: no deadlock.
 */
export async function lockInboxes(tx: Database, customerId: string, sellerId: string) {
  const keys = [`messages:customer:${customerId}`, `messages:seller:${sellerId}`].sort();
  for (const k of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${k}))`);
}

/** What a written message owes the world after commit. */
export type Appended = {
  message: MessageRow;
  conversation: ConversationRow;
  prev: { customer: number; seller: number };
  notified: Notified;
};

/**
 * Writes one message into a conversation the caller has locked (and whose inboxes are
 * locked, see `lockInboxes`): the message, the conversation's last message, the other side's
 * unread counter, the sender's read mark (one has read what one wrote), and the other
 * side's in-app notification (when it is their first unread message there), all in the
 * caller's transaction.
 */
export async function appendMessage(
  tx: Database,
  deps: Pick<Deps, "now">,
  conv: ConversationRow,
  sender: { side: MessageSender; userId: string },
  content: { body: string; imageIds: string[] },
): Promise<Appended> {
  const now = deps.now();
  const [prev] = await rowsOf<{ customer: string | number | null; seller: string | number | null }>(
    tx,
    sql`select
          (select max(last_message_seq) from conversations where customer_id = ${conv.customerId}::uuid) as customer,
          (select max(last_message_seq) from conversations where seller_id = ${conv.sellerId}::uuid) as seller`,
  );
  const [message] = await tx
    .insert(messages)
    .values({
      conversationId: conv.id,
      senderId: sender.userId,
      senderRole: sender.side,
      body: content.body,
      imageIds: content.imageIds,
      createdAt: now,
    })
    .returning();
  const m = message!;
  const toCustomer = sender.side === "seller";
  const [updated] = await tx
    .update(conversations)
    .set({
      lastMessageAt: now,
      lastMessageSeq: m.seq,
      lastMessagePreview: previewOf(content.body, content.imageIds.length),
      ...(toCustomer
        ? { customerUnread: sql`${conversations.customerUnread} + 1`, sellerReadSeq: m.seq, sellerUnread: 0 }
        : {
            sellerUnread: sql`${conversations.sellerUnread} + 1`,
            customerReadSeq: m.seq,
            customerUnread: 0,
          }),
    })
    .where(eq(conversations.id, conv.id))
    .returning();

  const [names] = await tx
    .select({ shopName: sellers.shopName, shopUserId: sellers.userId, customerName: users.name })
    .from(sellers)
    .innerJoin(users, eq(users.id, conv.customerId))
    .where(eq(sellers.id, conv.sellerId));
  const text = previewOf(content.body, content.imageIds.length);
  // One bell entry per stretch of unread messages, not one per message of a lively chat: the
  // inbox counts them, the bell says there is something to read.
  const alreadyUnread = toCustomer ? conv.customerUnread > 0 : conv.sellerUnread > 0;
  const notified =
    names && !alreadyUnread
      ? await notify(
          tx,
          toCustomer
            ? {
                userId: conv.customerId,
                category: "messages",
                type: "message.received",
                title: `New message from ${names.shopName}`,
                body: text,
                link: `/messages/${conv.id}`,
              }
            : {
                userId: names.shopUserId,
                category: "messages",
                type: "message.received",
                title: `New message from ${shortName(names.customerName)}`,
                body: text,
                link: `/messages/${conv.id}`,
              },
        )
      : { items: [] };
  return {
    message: m,
    conversation: updated!,
    prev: { customer: Number(prev?.customer ?? 0), seller: Number(prev?.seller ?? 0) },
    notified,
  };
}

/**
 * After commit: both inboxes hear of the message (the sender's other tabs too), the
 * recipient's bell updates, and the unread-email job is scheduled. Best effort: a live
 * event lost is caught up by the stream; a job lost is re-driven by the next message.
 */
export async function releaseAppended(deps: Deps, a: Appended): Promise<void> {
  const urls = await imageUrls(deps.db, [a.message]);
  const c = a.conversation;
  const events: [string, InboxEvent][] = [
    [
      inboxChannel("customer", c.customerId),
      {
        kind: "message",
        prev: a.prev.customer,
        conversationId: c.id,
        message: messageDto(a.message, "customer", urls),
        unread: c.customerUnread,
      },
    ],
    [
      inboxChannel("seller", c.sellerId),
      {
        kind: "message",
        prev: a.prev.seller,
        conversationId: c.id,
        message: messageDto(a.message, "seller", urls),
        unread: c.sellerUnread,
      },
    ],
  ];
  for (const [channel, event] of events)
    await deps.live
      .publish(channel, event)
      .catch((err) => deps.log.warn({ err }, "live message not delivered"));
  await publishNotified(deps, a.notified);
  const recipient = a.message.senderRole === "customer" ? "seller" : "customer";
  await enqueueUnreadEmail(deps, c.id, recipient, a.message.createdAt).catch((err) =>
    deps.log.error({ err }, "could not schedule the unread-message email"),
  );
}
