import type { Database } from "@bazaar/db";
import { notificationPreferences } from "@bazaar/db";
import {
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
  type NotificationPreferencesDto,
  SetNotificationPreferencesInput,
} from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

/** Every category with the user's switches; a category never touched is on for both. */
export async function readPreferences(db: Database, userId: string): Promise<NotificationPreferencesDto> {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const byCategory = new Map(rows.map((r) => [r.category, r]));
  return {
    items: NOTIFICATION_CATEGORIES.map((category) => {
      const r = byCategory.get(category);
      return { category, email: r?.email ?? true, inApp: r?.inApp ?? true };
    }),
    securityEmailsAlwaysOn: true,
  };
}

export function getNotificationPreferences(deps: Pick<Deps, "db">, actor: Actor) {
  return readPreferences(deps.db, actor.userId);
}

/**
 * Sets some switches of one user, one upsert per category. A switch left out keeps its value
 * (the insert takes the default, the update keeps the column), so two tabs changing
 * different switches do not undo each other.
 */
export async function writePreferences(
  db: Database,
  userId: string,
  items: { category: NotificationCategory; email?: boolean; inApp?: boolean }[],
  at: Date,
) {
  for (const item of items)
    await db
      .insert(notificationPreferences)
      .values({
        userId,
        category: item.category,
        email: item.email ?? true,
        inApp: item.inApp ?? true,
        updatedAt: at,
      })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.category],
        set: {
          ...(item.email !== undefined && { email: sql`excluded.email` }),
          ...(item.inApp !== undefined && { inApp: sql`excluded.in_app` }),
          updatedAt: at,
        },
      });
}

export async function setNotificationPreferences(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof SetNotificationPreferencesInput>,
): Promise<NotificationPreferencesDto> {
  const input = SetNotificationPreferencesInput.parse(raw);
  await deps.db.transaction((tx) => writePreferences(tx, actor.userId, input.items, deps.now()));
  return readPreferences(deps.db, actor.userId);
}
