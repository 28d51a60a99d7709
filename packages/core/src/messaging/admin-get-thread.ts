import { conversations, messages, reportCases } from "@bazaar/db";
import { type AdminThreadDto, AdminThreadInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { threadPage } from "./get-thread";
import { conversationDtos, conversationNotFound, imageUrls, messageDto } from "./queries";

/**
 * An admin reads a conversation only when one of its messages was reported (any case, open
 * or decided): conversations are private, and a report is what makes one the platform's
 * business. A conversation without one is not found, as for anybody else. Every read is
 * written to the audit log with the reported messages that allowed it. Hidden messages
 * show their text here: the admin is judging them.
 */
export async function adminGetThread(
  deps: Deps,
  actor: Actor,
  raw: AdminThreadInput,
): Promise<AdminThreadDto> {
  const input = AdminThreadInput.parse(raw);
  const [conv] = await deps.db.select().from(conversations).where(eq(conversations.id, input.conversationId));
  if (!conv) throw conversationNotFound();
  const reported = await deps.db
    .selectDistinct({ id: reportCases.targetId })
    .from(reportCases)
    .innerJoin(messages, eq(messages.id, reportCases.targetId))
    .where(and(eq(reportCases.targetType, "message"), eq(messages.conversationId, conv.id)));
  if (reported.length === 0) throw conversationNotFound();
  const reportedIds = new Set(reported.map((r) => r.id));

  const { rows, olderBeforeSeq } = await threadPage(deps.db, conv, input);
  await audit(deps.db, {
    actorId: actor.userId,
    action: "conversation.read",
    targetType: "conversation",
    targetId: conv.id,
    data: {
      reportedMessageIds: [...reportedIds],
      seqs: rows.length ? [rows[0]!.seq, rows[rows.length - 1]!.seq] : [],
    },
  });
  const urls = await imageUrls(deps.db, rows);
  const [dto] = await conversationDtos(deps.db, [conv], "seller");
  const { unread: _u, myReadSeq: _m, otherReadSeq: _o, ...conversation } = dto!;
  return {
    conversation: {
      ...conversation,
      customerReadSeq: conv.customerReadSeq,
      sellerReadSeq: conv.sellerReadSeq,
    },
    messages: rows.map((r) => {
      const { mine: _mine, ...m } = messageDto({ ...r, hiddenAt: null }, null, urls);
      return { ...m, hidden: r.hiddenAt !== null, reported: reportedIds.has(r.id) };
    }),
    olderBeforeSeq,
  };
}
