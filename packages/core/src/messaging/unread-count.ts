import { conversations } from "@bazaar/db";
import type { MessageUnreadCountDto } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { mine, sideOf } from "./queries";

/** Unread messages over all the caller's conversations, from the per-conversation counters. */
export async function messageUnreadCount(
  deps: Pick<Deps, "db">,
  actor: Actor & { sellerId?: string },
): Promise<MessageUnreadCountDto> {
  const who = sideOf(actor);
  const unread = who.side === "customer" ? conversations.customerUnread : conversations.sellerUnread;
  const [row] = await deps.db
    .select({
      messages: sql<number>`coalesce(sum(${unread}), 0)::int`,
      conversations: sql<number>`count(*) filter (where ${unread} > 0)::int`,
    })
    .from(conversations)
    .where(mine(who));
  return { messages: Number(row?.messages ?? 0), conversations: Number(row?.conversations ?? 0) };
}
