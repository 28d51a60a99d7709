import { conversations, messages } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { previewOf } from "./queries";

/** What the inbox line says of a conversation whose last message was taken down. */
export const HIDDEN_PREVIEW = "Message removed";

/**
 * Takes a message down after a report (or puts it back): it keeps its place and seq in the
 * thread, but neither side sees its text or images any more, nor the inbox line when it was
 * the conversation's last message. Called by the reports domain inside the decision's
 * transaction.
 */
export async function setMessageHidden(deps: Pick<Deps, "db" | "now">, messageId: string, hidden: boolean) {
  const [m] = await deps.db
    .update(messages)
    .set({ hiddenAt: hidden ? deps.now() : null })
    .where(eq(messages.id, messageId))
    .returning();
  if (!m) return;
  await deps.db
    .update(conversations)
    .set({ lastMessagePreview: hidden ? HIDDEN_PREVIEW : previewOf(m.body, m.imageIds.length) })
    .where(and(eq(conversations.id, m.conversationId), eq(conversations.lastMessageSeq, m.seq)));
}
