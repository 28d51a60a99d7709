import { notifications } from "@bazaar/db";
import type { NotificationLiveEvent } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisLive } from "../platform/live";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { listNotifications } from "./list-notifications";
import { markAllNotificationsRead, markNotificationsRead, notificationUnreadCount } from "./mark-read";
import { notify, publishNotified } from "./notify";
import { getNotificationPreferences, setNotificationPreferences } from "./preferences";
import { streamNotifications } from "./stream-notifications";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

const note = (userId: string, i: number) => ({
  userId,
  category: "orders" as const,
  type: "order.status",
  title: `Update ${i}`,
  body: `Body ${i}`,
  link: `/orders/${i}`,
});

describe("notifications.list", () => {
  it("pages through the whole inbox newest first with no gaps and no repeats, even rows written together", async () => {
    const c = await fx.customer();
    await notify(
      t.deps.db,
      Array.from({ length: 13 }, (_, i) => note(c.user.id, i)),
    );
    t.advance(1000);
    await notify(
      t.deps.db,
      Array.from({ length: 12 }, (_, i) => note(c.user.id, 13 + i)),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const p = await listNotifications(t.deps, c.actor, { limit: 7, cursor });
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(25);
    const all = await t.deps.db.select().from(notifications).where(eq(notifications.userId, c.user.id));
    expect(new Set(seen)).toEqual(new Set(all.map((r) => r.id)));
  });

  it("shows only the caller's notifications, and unreadOnly hides what was read", async () => {
    const [a, b] = [await fx.customer(), await fx.customer()];
    const written = await notify(t.deps.db, [note(a.user.id, 1), note(a.user.id, 2), note(b.user.id, 3)]);
    const mine = await listNotifications(t.deps, a.actor, {});
    expect(mine.items.map((i) => i.title).sort()).toEqual(["Update 1", "Update 2"]);
    expect(mine.items[0]).toMatchObject({ category: "orders", link: expect.stringMatching(/^\/orders\//) });
    const first = written.items.find((i) => i.title === "Update 1")!;
    await markNotificationsRead(t.deps, a.actor, { ids: [first.id] });
    const unread = await listNotifications(t.deps, a.actor, { unreadOnly: true });
    expect(unread.items.map((i) => i.title)).toEqual(["Update 2"]);
  });

  it("refuses a cursor it did not hand out, naming the field", async () => {
    const c = await fx.customer();
    expect(await rejects(listNotifications(t.deps, c.actor, { cursor: "bm90LWEtY3Vyc29y" }))).toMatchObject({
      code: "VALIDATION",
      reason: "pagination.bad_cursor",
    });
  });
});

describe("markRead / markAllRead / unreadCount", () => {
  it("marks only the caller's own rows: another user's ids change nothing", async () => {
    const [owner, other] = [await fx.customer(), await fx.customer()];
    const written = await notify(t.deps.db, [note(owner.user.id, 1), note(owner.user.id, 2)]);
    const ids = written.items.map((i) => i.id);
    expect(await markNotificationsRead(t.deps, other.actor, { ids })).toEqual({ updated: 0, unreadCount: 0 });
    expect(await notificationUnreadCount(t.deps, owner.actor)).toEqual({ count: 2 });
    expect(await markAllNotificationsRead(t.deps, other.actor)).toEqual({ updated: 0, unreadCount: 0 });
    expect(await notificationUnreadCount(t.deps, owner.actor)).toEqual({ count: 2 });
  });

  it("counts down as the owner reads, and marking twice is harmless", async () => {
    const c = await fx.customer();
    const written = await notify(t.deps.db, [note(c.user.id, 1), note(c.user.id, 2), note(c.user.id, 3)]);
    const [one] = written.items;
    expect(await markNotificationsRead(t.deps, c.actor, { ids: [one!.id] })).toEqual({
      updated: 1,
      unreadCount: 2,
    });
    expect(await markNotificationsRead(t.deps, c.actor, { ids: [one!.id] })).toEqual({
      updated: 0,
      unreadCount: 2,
    });
    expect(await markAllNotificationsRead(t.deps, c.actor)).toEqual({ updated: 2, unreadCount: 0 });
    expect(await notificationUnreadCount(t.deps, c.actor)).toEqual({ count: 0 });
  });

  it("refuses an empty or malformed id list, naming the field", async () => {
    const c = await fx.customer();
    await expect(markNotificationsRead(t.deps, c.actor, { ids: [] })).rejects.toThrow(/at least one/);
    await expect(markNotificationsRead(t.deps, c.actor, { ids: ["nope"] })).rejects.toThrow(/valid id/);
  });
});

describe("preferences", () => {
  it("starts with every category on and keeps a switch left out as it was", async () => {
    const c = await fx.customer();
    const start = await getNotificationPreferences(t.deps, c.actor);
    expect(start.items.every((p) => p.email && p.inApp)).toBe(true);
    expect(start.securityEmailsAlwaysOn).toBe(true);
    await setNotificationPreferences(t.deps, c.actor, { items: [{ category: "orders", email: false }] });
    const after = await setNotificationPreferences(t.deps, c.actor, {
      items: [{ category: "orders", inApp: false }],
    });
    expect(after.items.find((p) => p.category === "orders")).toEqual({
      category: "orders",
      email: false,
      inApp: false,
    });
    expect(after.items.find((p) => p.category === "payments")).toMatchObject({ email: true, inApp: true });
  });

  it("in-app off means no row for that category; on again, rows come back", async () => {
    const c = await fx.customer();
    await setNotificationPreferences(t.deps, c.actor, { items: [{ category: "orders", inApp: false }] });
    expect((await notify(t.deps.db, note(c.user.id, 1))).items).toEqual([]);
    await setNotificationPreferences(t.deps, c.actor, { items: [{ category: "orders", inApp: true }] });
    expect((await notify(t.deps.db, note(c.user.id, 2))).items).toHaveLength(1);
    expect(await notificationUnreadCount(t.deps, c.actor)).toEqual({ count: 1 });
  });

  it("refuses an unknown category or the same category twice", async () => {
    const c = await fx.customer();
    await expect(
      setNotificationPreferences(t.deps, c.actor, { items: [{ category: "spam" as never, email: false }] }),
    ).rejects.toThrow(/Category must be one of/);
    await expect(
      setNotificationPreferences(t.deps, c.actor, {
        items: [
          { category: "orders", email: false },
          { category: "orders", inApp: false },
        ],
      }),
    ).rejects.toThrow(/once/);
  });
});

describe("notifications.onNew", () => {
  async function collect(stream: AsyncGenerator<NotificationLiveEvent>, n: number) {
    const got: NotificationLiveEvent[] = [];
    for await (const e of stream) {
      got.push(e);
      if (got.length === n) break;
    }
    return got;
  }

  /** A tab's events as they come: `reached(k)` settles once it has k of them. */
  function tab(stream: AsyncGenerator<NotificationLiveEvent>, n: number) {
    const got: NotificationLiveEvent[] = [];
    const waiting: { k: number; done: () => void }[] = [];
    const all = (async () => {
      for await (const e of stream) {
        got.push(e);
        for (const w of waiting.filter((w) => got.length >= w.k)) w.done();
        if (got.length === n) break;
      }
      return got;
    })();
    const reached = (k: number) =>
      got.length >= k ? Promise.resolve() : new Promise<void>((done) => waiting.push({ k, done }));
    return { all, reached };
  }

  it("starts with the unread count, then brings each new notification to every open tab", async () => {
    const c = await fx.customer();
    await notify(t.deps.db, note(c.user.id, 0));
    const ac = new AbortController();
    const tabs = [
      tab(streamNotifications(t.deps, c.actor, ac.signal), 3),
      tab(streamNotifications(t.deps, c.actor, ac.signal), 3),
    ];
    await Promise.all(tabs.map((x) => x.reached(1)));
    await publishNotified(t.deps, await notify(t.deps.db, note(c.user.id, 1)));
    // Each tab counts when a new notification reaches it: let both have it before reading one.
    await Promise.all(tabs.map((tab) => tab.reached(2)));
    const [only] = (await listNotifications(t.deps, c.actor, { unreadOnly: true, limit: 1 })).items;
    await markNotificationsRead(t.deps, c.actor, { ids: [only!.id] });
    const [one, two] = await Promise.all(tabs.map((tab) => tab.all));
    ac.abort();
    for (const events of [one!, two!]) {
      expect(events.map((e) => e.unreadCount)).toEqual([1, 2, 1]);
      expect(events[1]!.notifications.map((n) => n.title)).toEqual(["Update 1"]);
      expect(events[1]!.notifications[0]!.createdAt).toBeInstanceOf(Date);
      expect(events[2]!.notifications).toEqual([]);
    }
  });

  it.skipIf(!process.env.REDIS_URL)(
    "crosses processes through Redis: a notification published by one reaches subscribers of another",
    async () => {
      const [pubRedis, subRedis] = [new Redis(process.env.REDIS_URL!), new Redis(process.env.REDIS_URL!)];
      const [apiA, apiB] = [createRedisLive(pubRedis), createRedisLive(subRedis)];
      try {
        const c = await fx.customer();
        const ac = new AbortController();
        const on = { ...t.deps, live: apiB };
        const tabs = [
          collect(streamNotifications(on, c.actor, ac.signal), 2),
          collect(streamNotifications(on, c.actor, ac.signal), 2),
        ];
        await new Promise((r) => setTimeout(r, 200));
        await publishNotified({ ...t.deps, live: apiA }, await notify(t.deps.db, note(c.user.id, 7)));
        const results = await Promise.all(tabs);
        ac.abort();
        for (const events of results) {
          expect(events.map((e) => e.unreadCount)).toEqual([0, 1]);
          expect(events[1]!.notifications[0]).toMatchObject({ title: "Update 7", link: "/orders/7" });
          expect(events[1]!.notifications[0]!.createdAt).toBeInstanceOf(Date);
        }
      } finally {
        await apiA.close();
        await apiB.close();
        pubRedis.disconnect();
      }
    },
  );
});
