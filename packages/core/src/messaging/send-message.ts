import { type MessageDto, SendMessageInput } from "@bazaar/schemas";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { appendMessage, lockInboxes, releaseAppended } from "./append-message";
import { checkOwnImages, findMine, messageDtos, sideOf } from "./queries";

/**
 * The buyer or the shop replies in their conversation: the message, the other side's unread
 * count and notification commit together; the live events, the bell and the unread-email
 * check follow the commit. Another buyer's or shop's conversation is not found.
 */
export async function sendMessage(
  deps: Deps,
  actor: Actor & { sellerId?: string },
  raw: SendMessageInput,
): Promise<MessageDto> {
  const input = SendMessageInput.parse(raw);
  const who = sideOf(actor);
  const conv = await findMine(deps.db, who, input.conversationId);
  await checkOwnImages(deps.db, actor.userId, input.imageIds);
  await deps.limiter.consume("message.send.account", actor.userId);
  const appended = await deps.db.transaction(async (tx) => {
    await lockInboxes(tx, conv.customerId, conv.sellerId);
    const locked = await findMine(tx, who, conv.id, true);
    const appended = await appendMessage(
      tx,
      deps,
      locked,
      { side: who.side, userId: actor.userId },
      { body: input.body, imageIds: input.imageIds },
    );
    // A shop's writes are audited; a message's words are private (an admin reads them only
    // after a report), so the entry names the message, never its text.
    if (who.side === "seller")
      await audit(tx, {
        actorId: actor.userId,
        action: "message.sent",
        targetType: "conversation",
        targetId: locked.id,
        data: { messageId: appended.message.id, seq: appended.message.seq, images: input.imageIds.length },
      });
    return appended;
  });
  await releaseAppended(deps, appended);
  const [dto] = await messageDtos(deps.db, [appended.message], who.side);
  return dto!;
}
