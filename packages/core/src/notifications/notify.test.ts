import { notificationPreferences, notifications } from "@bazaar/db";
import type { NotificationLiveEvent } from "@bazaar/schemas";
import type { Logger } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestContext, orderFixture, type TestContext } from "../testing";
import { notificationChannel, notify, publishNotified } from "./notify";
import { streamNotifications } from "./stream-notifications";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

/** The statements `fn` sends, read off Drizzle's query log (every one still runs for real). */
async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  type Session = { logger: Logger; options: { logger?: Logger } };
  const session = (t.deps.db as unknown as { session: Session }).session;
  const [previous, previousOption] = [session.logger, session.options.logger];
  const statements: string[] = [];
  const logger: Logger = {
    logQuery(query, params) {
      statements.push(query);
      previous.logQuery(query, params);
    },
  };
  session.logger = logger;
  session.options.logger = logger;
  try {
    return { result: await fn(), statements };
  } finally {
    session.logger = previous;
    session.options.logger = previousOption;
  }
}

const rowsOf = (userId: string) =>
  t.deps.db.select().from(notifications).where(eq(notifications.userId, userId));

describe("notify", () => {
  it("writes nothing when the event's transaction rolls back", async () => {
    const c = await fx.customer();
    await expect(
      t.deps.db.transaction(async (tx) => {
        await notify(tx, {
          userId: c.user.id,
          category: "orders",
          type: "order.placed",
          title: "t",
          body: "b",
        });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await rowsOf(c.user.id)).toEqual([]);
  });

  it("writes every recipient's row in one statement and skips who turned the category off in-app", async () => {
    const [a, b, off] = [await fx.customer(), await fx.customer(), await fx.customer()];
    await t.deps.db
      .insert(notificationPreferences)
      .values({ userId: off.user.id, category: "orders", inApp: false });
    {
      const { result, statements } = await statementsOf(() =>
        t.deps.db.transaction((tx) =>
          notify(
            tx,
            [a, b, off].map((u) => ({
              userId: u.user.id,
              category: "orders" as const,
              type: "order.placed",
              title: "Order placed",
              body: "Your order BZ-1 is placed",
              link: "/orders/x",
            })),
          ),
        ),
      );
      expect(statements.filter((s) => !/^(begin|commit)/i.test(s))).toHaveLength(1);
      expect(result.items.map((i) => i.userId).sort()).toEqual([a.user.id, b.user.id].sort());
    }
    expect(await rowsOf(off.user.id)).toEqual([]);
    const [row] = await rowsOf(a.user.id);
    expect(row).toMatchObject({ category: "orders", title: "Order placed", link: "/orders/x", readAt: null });
  });

  it("a category turned off only in-app for another category still notifies", async () => {
    const c = await fx.customer();
    await t.deps.db
      .insert(notificationPreferences)
      .values({ userId: c.user.id, category: "payments", inApp: false });
    await notify(t.deps.db, { userId: c.user.id, category: "orders", type: "x", title: "t", body: "b" });
    expect(await rowsOf(c.user.id)).toHaveLength(1);
  });

  it("publishes the new notifications; an open tab gets them with the unread count as it is then", async () => {
    const c = await fx.customer();
    await notify(t.deps.db, { userId: c.user.id, category: "orders", type: "a", title: "first", body: "b" });
    const ac = new AbortController();
    const raw: unknown[] = [];
    const seen: NotificationLiveEvent[] = [];
    const listening = (async () => {
      for await (const e of t.deps.live.subscribe(notificationChannel(c.user.id), ac.signal)) raw.push(e);
    })();
    const tab = (async () => {
      for await (const e of streamNotifications(t.deps, c.actor, ac.signal)) {
        seen.push(e);
        if (seen.length === 2) break;
      }
    })();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const second = await notify(t.deps.db, {
      userId: c.user.id,
      category: "orders",
      type: "b",
      title: "second",
      body: "b",
    });
    await publishNotified(t.deps, second);
    await tab;
    ac.abort();
    await listening;
    // What crosses the channel carries no count: no one counts for a user with no tab open.
    expect(raw).toHaveLength(1);
    expect(raw[0]).not.toHaveProperty("unreadCount");
    expect(seen.map((e) => e.unreadCount)).toEqual([1, 2]);
    expect(seen[1]!.notifications.map((n) => n.title)).toEqual(["second"]);
  });
});
