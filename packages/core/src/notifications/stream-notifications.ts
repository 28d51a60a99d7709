import type { NotificationDto, NotificationLiveEvent } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notificationChannel, unreadCounts } from "./notify";

type Wire = Omit<NotificationDto, "readAt" | "createdAt"> & {
  readAt: Date | string | null;
  createdAt: Date | string;
};

/** Events that crossed Redis arrive as JSON: dates are strings again until revived here. */
function revive(e: { notifications?: Wire[]; unreadCount: number }): NotificationLiveEvent {
  return {
    ...e,
    unreadCount: e.unreadCount,
    notifications: (e.notifications ?? []).map((n) => ({
      ...n,
      readAt: n.readAt ? new Date(n.readAt) : null,
      createdAt: new Date(n.createdAt),
    })),
  };
}

/**
 * The caller's live inbox: first the unread count as it is now (so a reconnecting bell is
 * right at once), then every notification written for them and every change of the count,
 * from any API or worker process (`deps.live` is Redis pub/sub when configured).
 */
export async function* streamNotifications(
  deps: Pick<Deps, "db" | "live">,
  actor: Actor,
  signal: AbortSignal,
): AsyncGenerator<NotificationLiveEvent> {
  const events = deps.live.subscribe(notificationChannel(actor.userId), signal)[Symbol.asyncIterator]();
  // Start listening before reading the count, so nothing written in between is missed.
  const first = events.next();
  const count = (await unreadCounts(deps.db, [actor.userId])).get(actor.userId) ?? 0;
  yield { notifications: [], unreadCount: count };
  for (let r = await first; !r.done; r = await events.next()) yield revive(r.value as never);
}
