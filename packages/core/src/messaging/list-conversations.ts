import { conversations } from "@bazaar/db";
import { ConversationsListInput, type ConversationsPageDto, Id, isSaneDate } from "@bazaar/schemas";
import { and, desc, type SQL, sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { badCursor } from "../platform/pagination";
import { conversationDtos, mine, sideOf } from "./queries";

type Key = { unread: number; at: Date; id: string };

const encode = (k: Key) => Buffer.from(`${k.unread}|${k.at.toISOString()}|${k.id}`).toString("base64url");
function decode(raw: string | undefined): Key | undefined {
  if (!raw) return undefined;
  const [u, iso, id, ...rest] = Buffer.from(raw, "base64url").toString().split("|");
  const at = new Date(iso ?? "");
  if (rest.length || (u !== "0" && u !== "1") || !/^\d{4}-\d{2}-\d{2}T/.test(iso ?? "") || !isSaneDate(at))
    throw badCursor();
  if (!Id.safeParse(id).success) throw badCursor();
  return { unread: Number(u), at, id: id! };
}

/**
 * The caller's inbox: the buyer's conversations or the shop's, newest activity first, or
 * those with unread messages first (the shop's default). Keyset pages over
 * (has unread, last activity, id), so new messages never repeat or skip a row.
 */
export async function listConversations(
  deps: Pick<Deps, "db">,
  actor: Actor & { sellerId?: string },
  raw: ConversationsListInput,
): Promise<ConversationsPageDto> {
  const input = ConversationsListInput.parse(raw);
  const who = sideOf(actor);
  const sort = input.sort ?? (who.side === "seller" ? "unread_first" : "recent");
  const unreadCol = who.side === "customer" ? conversations.customerUnread : conversations.sellerUnread;
  // Recent order ranks every row alike (a constant); unread-first puts rows with unread messages first.
  const hasUnread =
    sort === "unread_first"
      ? sql<number>`(case when ${unreadCol} > 0 then 1 else 0 end)`
      : sql<number>`(0 + 0)`;
  const at = sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;
  const cursor = decode(input.cursor);
  const where: SQL[] = [mine(who)];
  if (input.unreadOnly) where.push(sql`${unreadCol} > 0`);
  if (cursor)
    where.push(
      sql`(${hasUnread}, ${at}, ${conversations.id}) < (${cursor.unread}, ${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  const rows = await deps.db
    .select({ c: conversations, u: hasUnread.as("u") })
    .from(conversations)
    .where(and(...where))
    .orderBy(desc(hasUnread), desc(at), desc(conversations.id))
    .limit(input.limit + 1);
  const pageRows = rows.slice(0, input.limit);
  const last = pageRows[pageRows.length - 1];
  const items = await conversationDtos(
    deps.db,
    pageRows.map((r) => r.c),
    who.side,
  );
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encode({
            unread: Number(last.u),
            at: last.c.lastMessageAt ?? last.c.createdAt,
            id: last.c.id,
          })
        : null,
  };
}
