import { messages } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";

/**
 * Takes a message down after a report (or puts it back): it keeps its place and seq in the
 * thread, but neither side sees its text or images any more. Called by the reports domain
 * inside the decision's transaction.
 */
export async function setMessageHidden(deps: Pick<Deps, "db" | "now">, messageId: string, hidden: boolean) {
  await deps.db
    .update(messages)
    .set({ hiddenAt: hidden ? deps.now() : null })
    .where(eq(messages.id, messageId));
}
