import { conversations, messages } from "@bazaar/db";
import { MarkConversationReadInput, type MarkReadDto } from "@bazaar/schemas";
import { and, count, eq, gt, lte } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import type { InboxEvent } from "./append-message";
import { findMine, inboxChannel, sideOf } from "./queries";

/**
 * The caller has read their conversation up to a message (default: all of it). Read marks
 * only move forward, so a stale tab marking an older point changes nothing; the unread
 * counter is recounted from the messages after the mark, under the row lock, so it stays
 * exact while the other side keeps writing. Both inboxes hear of it (the read receipt).
 */
export async function markConversationRead(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: MarkConversationReadInput,
): Promise<MarkReadDto> {
  const input = MarkConversationReadInput.parse(raw);
  const who = sideOf(actor);
  const customerSide = who.side === "customer";
  const result = await deps.db.transaction(async (tx) => {
    const c = await findMine(tx, who, input.conversationId, true);
    const current = customerSide ? c.customerReadSeq : c.sellerReadSeq;
    const last = c.lastMessageSeq ?? 0;
    const target = Math.min(input.upToSeq ?? last, last);
    if (target <= current)
      return { c, readSeq: current, unread: customerSide ? c.customerUnread : c.sellerUnread, moved: false };
    const [left] = await tx
      .select({ n: count() })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, c.id),
          eq(messages.senderRole, customerSide ? "seller" : "customer"),
          gt(messages.seq, target),
          lte(messages.seq, last),
        ),
      );
    const unread = left?.n ?? 0;
    await tx
      .update(conversations)
      .set(
        customerSide
          ? { customerReadSeq: target, customerUnread: unread }
          : { sellerReadSeq: target, sellerUnread: unread },
      )
      .where(eq(conversations.id, c.id));
    return { c, readSeq: target, unread, moved: true };
  });
  if (result.moved) {
    const event: InboxEvent = {
      kind: "read",
      conversationId: result.c.id,
      reader: who.side,
      readSeq: result.readSeq,
      at: deps.now(),
    };
    for (const channel of [
      inboxChannel("customer", result.c.customerId),
      inboxChannel("seller", result.c.sellerId),
    ])
      await deps.live
        .publish(channel, event)
        .catch((err) => deps.log.warn({ err }, "read receipt not delivered"));
  }
  return { conversationId: result.c.id, readSeq: result.readSeq, unread: result.unread };
}
