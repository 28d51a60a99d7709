import type { NotificationDto, NotificationLiveEvent } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { type NotifiedEvent, notificationChannel, unreadCounts } from "./notify";

type Wire = Omit<NotificationDto, "readAt" | "createdAt"> & {
  readAt: Date | string | null;
  createdAt: Date | string;
};

/** Events that crossed Redis arrive as JSON: dates are strings again until revived here. */
function revive(e: { notifications?: Wire[] }, unreadCount: number): NotificationLiveEvent {
  return {
    unreadCount,
    notifications: (e.notifications ?? []).map((n) => ({
      ...n,
      readAt: n.readAt ? new Date(n.readAt) : null,
      createdAt: new Date(n.createdAt),
    })),
  };
}

/**
 * One count per event per process, however many of the user's tabs it reaches: every stream
 * in a process is handed the same event object (one parse of the Redis message, one local
 * fan-out), and a count started when that event arrived already sees its notifications.
 */
const countsByEvent = new WeakMap<object, Promise<number>>();

function countFor(deps: Pick<Deps, "db">, userId: string, event: object): Promise<number> {
  let count = countsByEvent.get(event);
  if (!count) {
    count = unreadCounts(deps.db, [userId]).then((c) => c.get(userId) ?? 0);
    countsByEvent.set(event, count);
  }
  return count;
}

/**
 * The caller's live inbox: first the unread count as it is now (so a reconnecting bell is
 * right at once), then every notification written for them and every change of the count,
 * from any API or worker process (`deps.live` is Redis pub/sub when configured). New
 * notifications arrive without a count (publishNotified does not count for users with no tab
 * open); the count is read here, when the event reaches an open tab, so it is the count as
 * it is then.
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
  for (let r = await first; !r.done; r = await events.next()) {
    const e = r.value as NotifiedEvent & { notifications?: Wire[] };
    yield revive(e, e.unreadCount ?? (await countFor(deps, actor.userId, e)));
  }
}
