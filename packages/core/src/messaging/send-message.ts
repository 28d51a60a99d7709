import { type MessageDto, SendMessageInput } from "@bazaar/schemas";
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
    return appendMessage(
      tx,
      deps,
      locked,
      { side: who.side, userId: actor.userId },
      { body: input.body, imageIds: input.imageIds },
    );
  });
  await releaseAppended(deps, appended);
  const [dto] = await messageDtos(deps.db, [appended.message], who.side);
  return dto!;
}
