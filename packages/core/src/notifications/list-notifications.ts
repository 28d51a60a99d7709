import { notifications } from "@bazaar/db";
import { type NotificationCategory, NotificationsListInput, type NotificationsPage } from "@bazaar/schemas";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";

/** The caller's own inbox, newest first, keyset pages over (createdAt, id): no gaps, no repeats. */
export async function listNotifications(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof NotificationsListInput>,
): Promise<NotificationsPage> {
  const input = NotificationsListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select({
      id: notifications.id,
      category: notifications.category,
      type: notifications.type,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        cursor
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return {
    items: p.items.map((r) => ({ ...r, category: r.category as NotificationCategory })),
    nextCursor: p.nextCursor,
  };
}
