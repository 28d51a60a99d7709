import type { Database } from "@bazaar/db";
import type { NotificationCategory, NotificationDto } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { pgArray, preparedStatement } from "../platform/prepared";

/** One notification to write: who gets it, what it says, and where its link goes in their app. */
export type NewNotification = {
  userId: string;
  category: NotificationCategory;
  /** The event, e.g. `order.placed`. */
  type: string;
  title: string;
  body: string;
  /** A path inside the recipient's own app (see links.ts: customer `/orders/<id>`, seller `/returns/<id>`). */
  link?: string | null;
};

/** The rows `notify` wrote, to hand to `publishNotified` once the transaction has committed. */
export type Notified = { items: (NotificationDto & { userId: string })[] };

export const notificationChannel = (userId: string) => `notifications:user:${userId}`;

// Titles and bodies are built from names and titles the platform already checked; these
// bounds only keep one very long product title from making a wall of text in the bell.
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

type Row = {
  id: string;
  userId: string;
  category: NotificationCategory;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | string | null;
  createdAt: Date | string;
};

/**
 * The rows, given as one JSON array so the text is fixed and stays prepared. created_at is cut
 * to milliseconds: page cursors carry a JavaScript date, and a row microseconds past its
 * cursor would otherwise fall between two pages.
 */
const insertNotifications = preparedStatement<Row, { json: string }>("notifications_insert", () =>
  notificationsInsert(sql`${sql.placeholder("json")}`),
);

/**
 * `notify`'s insert, for a caller that writes it together with other rows in one statement
 * (checkout: one round trip for an order's emails, notifications and webhook events). `json`
 * stands for `notificationsJson`'s text; pass the rows it returns to `notifiedOf`.
 */
export const notificationsInsert = (json: SQL) =>
  sql`insert into notifications (user_id, category, type, title, body, link, created_at)
        select v.user_id, v.category, v.type, v.title, v.body, v.link, date_trunc('milliseconds', now())
        from rows from (jsonb_to_recordset(${json}::jsonb)
          as (user_id uuid, category text, type text, title text, body text, link text))
          with ordinality as v(user_id, category, type, title, body, link, n)
        where not exists (
          select 1 from notification_preferences p
          where p.user_id = v.user_id and p.category = v.category and p.in_app = false)
        order by v.n
        returning id, user_id as "userId", category, type, title, body, link,
                  read_at as "readAt", created_at as "createdAt"`;

/** The notifications as `notificationsInsert` takes them. */
export const notificationsJson = (list: NewNotification[]) =>
  JSON.stringify(
    list.map((x) => ({
      user_id: x.userId,
      category: x.category,
      type: clip(x.type, 64),
      title: clip(x.title, 200),
      body: clip(x.body, 1000),
      link: x.link ?? null,
    })),
  );

/** The rows `notificationsInsert` returned, as `notify` answers them. */
export const notifiedOf = (rows: Row[]): Notified => ({
  items: rows.map((r) => ({
    ...r,
    readAt: r.readAt ? new Date(r.readAt) : null,
    createdAt: new Date(r.createdAt),
  })),
});

/**
 * Counted per user in a subquery keyed by that user, so the unread index is the plan however
 * small the table was when the plan was cached: as a filter over all notifications the cached
 * plan of a young table scanned every row, every order (a seller's thousands included).
 */
const unreadCountsOf = preparedStatement<{ userId: string; n: number | string }, { ids: string }>(
  "notifications_unread_counts",
  () => sql`select u.id as "userId",
          (select count(*)::int from notifications n where n.user_id = u.id and n.read_at is null) as n
        from unnest(${sql.placeholder("ids")}::uuid[]) as u(id)`,
);

/**
 * Writes in-app notifications inside the caller's transaction, so an event that rolls back
 * never notifies. One statement whatever the count (a multi-row insert … select), and the
 * recipient's in-app switch is honoured inside it: a user who turned the category off gets
 * no row. Nothing is published yet: pass the result to `publishNotified` after commit (the
 * orders `Effects` does this for its callers through `fx.notified`).
 */
export async function notify(tx: Database, n: NewNotification | NewNotification[]): Promise<Notified> {
  const list = Array.isArray(n) ? n : [n];
  if (list.length === 0) return { items: [] };
  return notifiedOf(await insertNotifications(tx, { json: notificationsJson(list) }));
}

/** The unread count of each user, in one query; a user with none is 0. */
export async function unreadCounts(db: Database, userIds: string[]): Promise<Map<string, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await unreadCountsOf(db, { ids: pgArray(userIds) });
  for (const r of rows) counts.set(r.userId, Number(r.n));
  return counts;
}

/**
 * Tells each recipient's open tabs (any API process, through `deps.live`) what arrived. Call
 * only after the transaction that wrote the rows committed. The unread count is not counted
 * here: the stream of each open tab counts it when the event reaches it (streamNotifications),
 * so a notification for someone with no tab open costs no count at all. Counting here cost
 * every order one count per recipient, over every unread row a busy seller had left (0.8 ms
 * of PostgreSQL per order in the checkout bench, growing with each order). Best effort, like
 * every live event: a failure is logged, never thrown, and a client that missed it re-reads
 * the count when it reconnects.
 */
export async function publishNotified(
  deps: Pick<Deps, "live" | "log">,
  ...batches: Notified[]
): Promise<void> {
  const byUser = new Map<string, NotificationDto[]>();
  for (const b of batches)
    for (const { userId, ...dto } of b.items) byUser.set(userId, [...(byUser.get(userId) ?? []), dto]);
  // Issued together: over Redis they share a round trip (the connection auto-pipelines).
  await Promise.all(
    [...byUser].map(([userId, items]) => {
      const event: NotifiedEvent = { notifications: items };
      return deps.live
        .publish(notificationChannel(userId), event)
        .catch((err) => deps.log.warn({ err }, "live notification not delivered"));
    }),
  );
}

/**
 * What crosses `deps.live` on a user's channel: new notifications without a count, or (after
 * marking read) the count that is now true.
 */
export type NotifiedEvent = { notifications: NotificationDto[]; unreadCount?: number };

/** Tells a user's other tabs the unread count changed (after marking read). */
export async function publishUnreadCount(
  deps: Pick<Deps, "live" | "log">,
  userId: string,
  unreadCount: number,
): Promise<void> {
  const event: NotifiedEvent = { notifications: [], unreadCount };
  await deps.live
    .publish(notificationChannel(userId), event)
    .catch((err) => deps.log.warn({ err }, "live unread count not delivered"));
}
