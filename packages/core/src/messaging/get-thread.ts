import { type Database, messages } from "@bazaar/db";
import { type ThreadDto, ThreadInput } from "@bazaar/schemas";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import {
  type ConversationRow,
  conversationDtos,
  findMine,
  type MessageRow,
  messageDtos,
  sideOf,
} from "./queries";

/** A page of a conversation's messages in seq order: the latest, older ones, or newer ones. */
export async function threadPage(
  db: Database,
  conv: ConversationRow,
  input: { afterSeq?: number; beforeSeq?: number; limit: number },
): Promise<{ rows: MessageRow[]; olderBeforeSeq: number | null }> {
  const inConv = eq(messages.conversationId, conv.id);
  let rows: MessageRow[];
  if (input.afterSeq !== undefined)
    rows = await db
      .select()
      .from(messages)
      .where(and(inConv, gt(messages.seq, input.afterSeq)))
      .orderBy(asc(messages.seq))
      .limit(input.limit);
  else
    rows = (
      await db
        .select()
        .from(messages)
        .where(input.beforeSeq !== undefined ? and(inConv, lt(messages.seq, input.beforeSeq)) : inConv)
        .orderBy(desc(messages.seq))
        .limit(input.limit)
    ).reverse();
  const first = rows[0];
  const [older] = first
    ? await db
        .select({ seq: messages.seq })
        .from(messages)
        .where(and(inConv, lt(messages.seq, first.seq)))
        .limit(1)
    : [];
  return { rows, olderBeforeSeq: older && first ? first.seq : null };
}

/**
 * One of the caller's conversations with a page of its messages. Another buyer's or
 * shop's conversation is not found. Reading does not mark read: the client says what the
 * reader saw with `markRead`.
 */
export async function getThread(
  deps: Pick<Deps, "db">,
  actor: Actor & { sellerId?: string },
  raw: ThreadInput,
): Promise<ThreadDto> {
  const input = ThreadInput.parse(raw);
  const who = sideOf(actor);
  const conv = await findMine(deps.db, who, input.conversationId);
  const { rows, olderBeforeSeq } = await threadPage(deps.db, conv, input);
  const [conversation] = await conversationDtos(deps.db, [conv], who.side);
  return {
    conversation: conversation!,
    messages: await messageDtos(deps.db, rows, who.side),
    olderBeforeSeq,
  };
}
