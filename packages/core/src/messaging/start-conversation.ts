import { conversations, messages } from "@bazaar/db";
import { type StartConversationDto, StartConversationInput } from "@bazaar/schemas";
import { and, desc, eq } from "drizzle-orm";
import { forbidden, invalidField, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { type Appended, appendMessage, lockInboxes, releaseAppended } from "./append-message";
import { buyersSubOrder, checkOwnImages, conversationDtos, liveProduct, messageDtos } from "./queries";

/** A retry of the same first message within this long joins the one already written. */
const SAME_MESSAGE_MS = 60_000;

/**
 * A buyer writes to a shop about one of its live products or one of their own sub-orders
 * with it. One conversation per buyer, shop and subject (the unique index
 * conversations_subject_key): a second start, even a concurrent one, lands in the same
 * conversation. The same text sent again within a minute (a double click, a retry) is the
 * same message, not a second one.
 */
export async function startConversation(
  deps: Deps,
  actor: Actor,
  raw: StartConversationInput,
): Promise<StartConversationDto> {
  const input = StartConversationInput.parse(raw);
  if (actor.role !== "customer")
    throw forbidden("messaging.customers_only", "Only customer accounts start conversations with a shop");
  let sellerId: string;
  let subject: { type: "product" | "sub_order"; id: string };
  if (input.subject.type === "product") {
    const p = await liveProduct(deps.db, input.subject.productId);
    if (!p) throw notFound("product.not_found", "This product is not available");
    sellerId = p.sellerId;
    subject = { type: "product", id: p.id };
  } else {
    const s = await buyersSubOrder(deps.db, actor.userId, input.subject.subOrderId);
    if (!s) throw notFound("order.not_found", "Order not found");
    sellerId = s.sellerId;
    subject = { type: "sub_order", id: s.id };
  }
  if (input.sellerId && input.sellerId !== sellerId)
    throw invalidField(
      "sellerId",
      "conversation.wrong_shop",
      "That is not the shop of this product or order",
    );
  await checkOwnImages(deps.db, actor.userId, input.imageIds);
  await deps.limiter.consume("message.send.account", actor.userId);

  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    await lockInboxes(tx, actor.userId, sellerId);
    const [inserted] = await tx
      .insert(conversations)
      .values({
        customerId: actor.userId,
        sellerId,
        subjectType: subject.type,
        subjectId: subject.id,
        productId: subject.type === "product" ? subject.id : null,
        subOrderId: subject.type === "sub_order" ? subject.id : null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    const conv =
      inserted ??
      (
        await tx
          .select()
          .from(conversations)
          .where(
            and(
              eq(conversations.customerId, actor.userId),
              eq(conversations.sellerId, sellerId),
              eq(conversations.subjectType, subject.type),
              eq(conversations.subjectId, subject.id),
            ),
          )
          .for("update")
      )[0]!;
    if (!inserted) {
      const [last] = await tx
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conv.id))
        .orderBy(desc(messages.seq))
        .limit(1);
      if (
        last &&
        last.senderId === actor.userId &&
        last.body === input.body &&
        JSON.stringify(last.imageIds) === JSON.stringify(input.imageIds) &&
        now.getTime() - last.createdAt.getTime() < SAME_MESSAGE_MS
      )
        return { repeated: { conversation: conv, message: last } };
    }
    const appended = await appendMessage(
      tx,
      deps,
      conv,
      { side: "customer", userId: actor.userId },
      { body: input.body, imageIds: input.imageIds },
    );
    return { appended, created: Boolean(inserted) };
  });

  if ("repeated" in result && result.repeated) {
    const { conversation, message } = result.repeated;
    const [dto] = await conversationDtos(deps.db, [conversation], "customer");
    const [m] = await messageDtos(deps.db, [message], "customer");
    return { conversation: dto!, message: m!, created: false };
  }
  const { appended, created } = result as { appended: Appended; created: boolean };
  await releaseAppended(deps, appended);
  const [dto] = await conversationDtos(deps.db, [appended.conversation], "customer");
  const [m] = await messageDtos(deps.db, [appended.message], "customer");
  return { conversation: dto!, message: m!, created };
}
