import { notifications } from "@bazaar/db";
import { MarkNotificationsReadInput, type MarkReadResult } from "@bazaar/schemas";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { publishUnreadCount, unreadCounts } from "./notify";

type D = Pick<Deps, "db" | "live" | "log" | "now">;

/** The count after a change, told to the caller's other tabs so every bell agrees. */
async function settle(deps: D, actor: Actor, updated: number): Promise<MarkReadResult> {
  const unreadCount = (await unreadCounts(deps.db, [actor.userId])).get(actor.userId) ?? 0;
  if (updated > 0) await publishUnreadCount(deps, actor.userId, unreadCount);
  return { updated, unreadCount };
}

/**
 * Marks the named notifications read. Only the caller's own rows change: an id that is
 * someone else's (or unknown, or already read) is skipped silently rather than refused, so
 * the answer never tells whether another user's notification exists.
 */
export async function markNotificationsRead(
  deps: D,
  actor: Actor,
  raw: z.input<typeof MarkNotificationsReadInput>,
): Promise<MarkReadResult> {
  const input = MarkNotificationsReadInput.parse(raw);
  const rows = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(
      and(
        eq(notifications.userId, actor.userId),
        inArray(notifications.id, [...new Set(input.ids)]),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return settle(deps, actor, rows.length);
}

/** Marks everything in the caller's inbox read. */
export async function markAllNotificationsRead(deps: D, actor: Actor): Promise<MarkReadResult> {
  const rows = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return settle(deps, actor, rows.length);
}

/** The bell's number. */
export async function notificationUnreadCount(
  deps: Pick<Deps, "db">,
  actor: Actor,
): Promise<{ count: number }> {
  return { count: (await unreadCounts(deps.db, [actor.userId])).get(actor.userId) ?? 0 };
}
