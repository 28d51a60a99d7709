import { users, webhookDeliveries, webhookOutbox } from "@bazaar/db";
import type { WebhookEventType } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../platform/deps";
import { sweep } from "../sweep";
import { orderFixture } from "../testing";
import { newActor } from "../testing/seller-fixture";
import { createTestContext, rejects, type TestContext } from "../testing/test-context";
import { startWebhookReceiver, verifyStandardWebhook } from "../testing/webhook-receiver";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  deliverWebhookEvent,
  dispatchWebhooks,
  emitWebhookEvent,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhookEvent,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from ".";
import { retryDelayMs } from "./deliver-webhook";

let t: TestContext;
let rx: Awaited<ReturnType<typeof startWebhookReceiver>>;
let f: ReturnType<typeof orderFixture>;
const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestContext();
  // Retries a minute apart at first: the queue's own delayed job never fires during a test,
  // which moves the clock and makes each attempt itself.
  t.deps.webhooks = { allowHttpLoopback: true, timeoutMs: 400, retryBaseMs: 60_000 };
  rx = await startWebhookReceiver();
  f = orderFixture(t);
});
afterAll(async () => {
  await t.close();
  await rx.close();
});

let paths = 0;
const newPath = () => `/hook-${++paths}`;

async function endpointFor(
  actor: Actor & { sellerId?: string },
  events: WebhookEventType[],
  path = newPath(),
) {
  const created = await createWebhookEndpoint(t.deps, actor, { url: rx.url(path), events });
  return { ...created, path };
}

async function outboxOf(endpointId: string) {
  return t.deps.db.select().from(webhookOutbox).where(eq(webhookOutbox.endpointId, endpointId));
}

/** Queues what is due and lets the jobs run, as the repeating dispatch pass does. */
async function dispatch() {
  await dispatchWebhooks(t.deps);
  await t.drain();
}

async function shopWithStock(stock = 10) {
  const shop = await f.shop(`Shop ${Math.random().toString(36).slice(2, 6)}`);
  const v = await f.variant(shop, 50_000, stock);
  return { shop, v };
}

describe("delivery", () => {
  it("posts each shop its own events, signed per Standard Webhooks; the platform hears every shop", async () => {
    const a = await shopWithStock();
    const b = await shopWithStock();
    const admin = await newActor(t, "admin");
    const epA = await endpointFor(a.shop.actor, ["order.placed"]);
    const epB = await endpointFor(b.shop.actor, ["order.placed"]);
    const platform = await endpointFor(admin.actor, ["order.placed"]);
    try {
      const buyer = await f.customer();
      const placed = await f.checkout(buyer, [[a.v.id, 1]]);
      await dispatch();

      const [got] = rx.at(epA.path);
      expect(rx.at(epA.path)).toHaveLength(1);
      expect(got!.json.type).toBe("order.placed");
      expect(got!.json.data).toMatchObject({ orderId: placed.id, sellerId: a.shop.id, currency: "INR" });
      expect(String(got!.headers["webhook-id"])).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(
        Math.abs(Number(got!.headers["webhook-timestamp"]) - t.deps.now().getTime() / 1000),
      ).toBeLessThan(60);
      expect(verifyStandardWebhook(epA.secret, got!)).toBe(true);
      expect(verifyStandardWebhook(epB.secret, got!)).toBe(false);
      // Shop B sold nothing: it hears nothing, not even of A's order.
      expect(rx.at(epB.path)).toHaveLength(0);
      const mine = rx.at(platform.path).filter((r) => r.json.data.orderId === placed.id);
      expect(mine.map((r) => r.json.data.sellerId)).toEqual([a.shop.id]);
      expect(verifyStandardWebhook(platform.secret, mine[0]!)).toBe(true);

      const log = await listWebhookDeliveries(t.deps, a.shop.actor, { endpointId: epA.endpoint.id });
      expect(log.items).toHaveLength(1);
      expect(log.items[0]).toMatchObject({ status: "delivered", attempts: 1, type: "order.placed" });
      expect(log.items[0]!.lastAttempt).toMatchObject({
        status: "succeeded",
        responseStatus: 200,
        attempt: 1,
      });
    } finally {
      await deleteWebhookEndpoint(t.deps, admin.actor, { id: platform.endpoint.id });
    }
  });

  it("writes nothing and sends nothing for a change whose transaction rolled back", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.paid"]);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await emitWebhookEvent(tx, { type: "order.paid", sellerId: a.shop.id, data: { orderId: "x" } });
        throw new Error("the change failed after the event was written");
      }),
    ).rejects.toThrow("the change failed");
    await dispatch();
    expect(await outboxOf(ep.endpoint.id)).toEqual([]);
    expect(rx.at(ep.path)).toEqual([]);
  });

  it("retries after a 500 with backoff, with the same webhook-id, until the receiver says 2xx", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    rx.respond(ep.path, 500);
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    const [event] = await outboxOf(ep.endpoint.id);
    expect(event).toMatchObject({ status: "pending", attempts: 1 });
    // Not due before its backoff: a dispatch now sends nothing.
    await dispatch();
    expect(rx.at(ep.path)).toHaveLength(1);

    t.advance(retryDelayMs(t.deps, 1));
    expect(await deliverWebhookEvent(t.deps, event!.id)).toMatchObject({ status: "delivered", attempts: 2 });
    const [first, second] = rx.at(ep.path);
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(verifyStandardWebhook(ep.secret, second!)).toBe(true);
    const log = await listWebhookDeliveries(t.deps, a.shop.actor, { endpointId: ep.endpoint.id });
    expect(log.items[0]!.history.map((h) => [h.attempt, h.status, h.responseStatus])).toEqual([
      [2, "succeeded", 200],
      [1, "failed", 500],
    ]);
  });

  it("counts a receiver that does not answer within the time limit as a failed attempt, and retries", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    rx.respond(ep.path, "hang");
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    const started = Date.now();
    await dispatch();
    expect(Date.now() - started).toBeLessThan(5_000);
    const [event] = await outboxOf(ep.endpoint.id);
    const log = await listWebhookDeliveries(t.deps, a.shop.actor, { endpointId: ep.endpoint.id });
    expect(log.items[0]!.lastAttempt).toMatchObject({ status: "failed", responseStatus: null });
    expect(log.items[0]!.lastAttempt!.error).toMatch(/timed out/);
    expect(log.items[0]!.lastAttempt!.durationMs).toBeGreaterThanOrEqual(350);

    t.advance(retryDelayMs(t.deps, 1));
    expect(await deliverWebhookEvent(t.deps, event!.id)).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("backs off exponentially for 24 hours, then marks the event failed", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["payout.paid"]);
    rx.respond(ep.path, ...Array.from({ length: 40 }, () => 500));
    await t.deps.db.transaction((tx) =>
      emitWebhookEvent(tx, { type: "payout.paid", sellerId: a.shop.id, data: { payoutId: "p1" } }),
    );
    const [event] = await outboxOf(ep.endpoint.id);
    const start = t.deps.now().getTime();
    const gaps: number[] = [];
    let last = start;
    for (let i = 0; i < 40; i++) {
      const r = await deliverWebhookEvent(t.deps, event!.id);
      if (r?.status === "failed") break;
      gaps.push(r!.nextAttemptAt!.getTime() - r!.lastAttempt!.createdAt.getTime());
      last = r!.nextAttemptAt!.getTime();
      t.advance(last - t.deps.now().getTime());
    }
    const [final] = await outboxOf(ep.endpoint.id);
    expect(final!.status).toBe("failed");
    // Each wait doubles until the 6 h cap; the last try is within 24 h of the event.
    expect(gaps.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(Math.max(...gaps)).toBe(6 * HOUR);
    expect(last - start).toBeLessThanOrEqual(24 * HOUR);
    expect(final!.attempts).toBe(gaps.length + 1);
    expect(rx.at(ep.path)).toHaveLength(final!.attempts);
    t.advance(24 * HOUR);
    await dispatch();
    expect(rx.at(ep.path)).toHaveLength(final!.attempts);
  });

  it("disables an endpoint failing for 3 days and emails its owner", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    rx.respond(ep.path, ...Array.from({ length: 10 }, () => 503));
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    t.advance(2 * 24 * HOUR);
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    expect((await listWebhookEndpoints(t.deps, a.shop.actor))[0]).toMatchObject({ enabled: true });

    t.advance(24 * HOUR + 60_000);
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    const [after] = await listWebhookEndpoints(t.deps, a.shop.actor);
    expect(after).toMatchObject({ enabled: false, disabledReason: "failing" });
    const [owner] = await t.deps.db.select().from(users).where(eq(users.id, a.shop.userId));
    const mail = await t.lastEmailTo(owner!.email, { subject: "Your webhook endpoint was disabled" });
    expect(mail.text).toContain(ep.path);

    // Off, it hears nothing more; back on, it starts a fresh 3-day window.
    const before = rx.at(ep.path).length;
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    expect(rx.at(ep.path)).toHaveLength(before);
    const on = await updateWebhookEndpoint(t.deps, a.shop.actor, { id: ep.endpoint.id, enabled: true });
    expect(on).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it("a lost delivery job is queued again by the sweep", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["product.approved"]);
    await t.deps.db.transaction((tx) =>
      emitWebhookEvent(tx, { type: "product.approved", sellerId: a.shop.id, data: { productId: "p" } }),
    );
    // Made just now on this test's clock (other tests moved it past the database's).
    await t.deps.db
      .update(webhookOutbox)
      .set({ nextAttemptAt: t.deps.now() })
      .where(eq(webhookOutbox.endpointId, ep.endpoint.id));
    // No dispatch ran (its job was lost with a restart): the sweep leaves young work alone ...
    await sweep(t.deps);
    await t.drain();
    expect(rx.at(ep.path)).toEqual([]);
    t.advance(t.deps.sweepGraceMs + 1000);
    const report = await sweep(t.deps);
    expect(report.outboundWebhooks).toBeGreaterThanOrEqual(1);
    await t.drain();
    expect(rx.at(ep.path).map((r) => r.json.type)).toEqual(["product.approved"]);
  });
});

describe("a crashed attempt", () => {
  it("is retried once its claim has expired, not before", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["payout.paid"]);
    await t.deps.db.transaction((tx) =>
      emitWebhookEvent(tx, { type: "payout.paid", sellerId: a.shop.id, data: { payoutId: "p2" } }),
    );
    // A worker claimed it and died mid-POST: the claim holds it for now ...
    const claim = new Date(t.deps.now().getTime() + 60_000);
    await t.deps.db
      .update(webhookOutbox)
      .set({ lockedUntil: claim, nextAttemptAt: t.deps.now() })
      .where(eq(webhookOutbox.endpointId, ep.endpoint.id));
    await dispatch();
    expect(rx.at(ep.path)).toEqual([]);
    // ... and once it has expired, the dispatch pass queues the attempt again.
    t.advance(61_000);
    await dispatch();
    expect(rx.at(ep.path)).toHaveLength(1);
    expect((await outboxOf(ep.endpoint.id))[0]).toMatchObject({
      status: "delivered",
      attempts: 1,
      lockedUntil: null,
    });
  });
});

describe("stock.low", () => {
  it("fires once when a variant's stock falls below the endpoint's threshold, not while it stays below", async () => {
    const a = await shopWithStock(6);
    const ep = await createWebhookEndpoint(t.deps, a.shop.actor, {
      url: rx.url(newPath()),
      events: ["stock.low"],
      lowStockThreshold: 5,
    });
    await f.checkout(await f.customer(), [[a.v.id, 1]]); // 6 → 5: not below
    expect(await outboxOf(ep.endpoint.id)).toHaveLength(0);
    await f.checkout(await f.customer(), [[a.v.id, 2]]); // 5 → 3: crosses
    await f.checkout(await f.customer(), [[a.v.id, 1]]); // 3 → 2: already below
    const rows = await outboxOf(ep.endpoint.id);
    expect(rows.map((r) => (r.payload as { data: unknown }).data)).toEqual([
      expect.objectContaining({
        variantId: a.v.id,
        sellerId: a.shop.id,
        stock: 3,
        previousStock: 5,
        threshold: 5,
      }),
    ]);
  });

  it("fires for each line of one order that crosses, and for nothing but a fall in stock", async () => {
    const a = await shopWithStock(5);
    const w = await f.variant(a.shop, 30_000, 9);
    const calm = await f.variant(a.shop, 20_000, 50);
    const ep = await createWebhookEndpoint(t.deps, a.shop.actor, {
      url: rx.url(newPath()),
      events: ["stock.low"],
      lowStockThreshold: 5,
    });
    // One statement takes all three lines: two cross (5 → 4, 9 → 2), one stays above.
    await f.checkout(await f.customer(), [
      [a.v.id, 1],
      [w.id, 7],
      [calm.id, 1],
    ]);
    const data = (await outboxOf(ep.endpoint.id)).map(
      (r) => (r.payload as { data: { variantId: string } }).data,
    );
    expect(data.map((d) => d.variantId).sort()).toEqual([a.v.id, w.id].sort());
    expect(data.find((d) => d.variantId === w.id)).toMatchObject({
      stock: 2,
      previousStock: 9,
      threshold: 5,
    });
    // Any other change of a variant (a price) says nothing.
    await t.deps.db.execute(sql`update product_variants set price = price + 100 where id = ${w.id}`);
    expect(await outboxOf(ep.endpoint.id)).toHaveLength(2);
  });
});

describe("secrets", () => {
  it("during a rotation both secrets verify; after the 24 h window only the new one", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    const rotated = await rotateWebhookSecret(t.deps, a.shop.actor, { id: ep.endpoint.id });
    expect(rotated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(rotated.secret).not.toBe(ep.secret);
    expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();

    const during = await sendTestWebhook(t.deps, a.shop.actor, { id: ep.endpoint.id });
    expect(during.delivery).toMatchObject({ status: "delivered", type: "webhook.test" });
    const w1 = rx.at(ep.path).at(-1)!;
    expect(String(w1.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verifyStandardWebhook(ep.secret, w1)).toBe(true);
    expect(verifyStandardWebhook(rotated.secret, w1)).toBe(true);

    t.advance(24 * HOUR + 1000);
    await sendTestWebhook(t.deps, a.shop.actor, { id: ep.endpoint.id });
    const w2 = rx.at(ep.path).at(-1)!;
    expect(verifyStandardWebhook(rotated.secret, w2)).toBe(true);
    expect(verifyStandardWebhook(ep.secret, w2)).toBe(false);
  });

  it("stores secrets only encrypted", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    const dump = JSON.stringify(
      await t.deps.db.execute(`select * from webhook_endpoints where id = '${ep.endpoint.id}'` as never),
    );
    expect(dump).not.toContain(ep.secret.slice(6));
    expect(JSON.stringify(await listWebhookEndpoints(t.deps, a.shop.actor))).not.toContain(
      ep.secret.slice(6),
    );
  });
});

describe("redelivery", () => {
  it("is idempotent: two clicks at once send the event once more, with its original webhook-id", async () => {
    const a = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    const [event] = await outboxOf(ep.endpoint.id);
    const [one, two] = await Promise.all([
      redeliverWebhookEvent(t.deps, a.shop.actor, { eventId: event!.id }),
      redeliverWebhookEvent(t.deps, a.shop.actor, { eventId: event!.id }),
    ]);
    expect([one.webhookId, two.webhookId]).toEqual([event!.webhookId, event!.webhookId]);
    await t.drain();
    const got = rx.at(ep.path);
    expect(got).toHaveLength(2);
    expect(got[1]!.headers["webhook-id"]).toBe(got[0]!.headers["webhook-id"]);
    const attempts = await t.deps.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventId, event!.id));
    expect(attempts.map((x) => x.attempt).sort()).toEqual([1, 2]);
  });
});

describe("authorization", () => {
  it("a seller never sees, changes or redelivers another shop's endpoint or events", async () => {
    const a = await shopWithStock();
    const b = await shopWithStock();
    const ep = await endpointFor(a.shop.actor, ["order.placed"]);
    await f.checkout(await f.customer(), [[a.v.id, 1]]);
    await dispatch();
    const [event] = await outboxOf(ep.endpoint.id);
    const id = ep.endpoint.id;
    for (const attempt of [
      () => updateWebhookEndpoint(t.deps, b.shop.actor, { id, url: rx.url("/stolen") }),
      () => deleteWebhookEndpoint(t.deps, b.shop.actor, { id }),
      () => rotateWebhookSecret(t.deps, b.shop.actor, { id }),
      () => sendTestWebhook(t.deps, b.shop.actor, { id }),
      () => listWebhookDeliveries(t.deps, b.shop.actor, { endpointId: id }),
    ]) {
      const err = await rejects(attempt());
      expect([err.code, err.reason]).toEqual(["NOT_FOUND", "webhook.endpoint_not_found"]);
    }
    const err = await rejects(redeliverWebhookEvent(t.deps, b.shop.actor, { eventId: event!.id }));
    expect([err.code, err.reason]).toEqual(["NOT_FOUND", "webhook.event_not_found"]);
    expect((await listWebhookEndpoints(t.deps, b.shop.actor)).map((e) => e.id)).not.toContain(id);
    // An admin manages the platform's endpoints, not a shop's.
    const admin = await newActor(t, "admin");
    expect((await listWebhookEndpoints(t.deps, admin.actor)).map((e) => e.id)).not.toContain(id);
    const byAdmin = await rejects(rotateWebhookSecret(t.deps, admin.actor, { id }));
    expect(byAdmin.reason).toBe("webhook.endpoint_not_found");
    // Nothing of B's reached A's endpoint URL through the attempts above.
    expect(rx.at("/stolen")).toEqual([]);
    const customer = await f.customer();
    const notOwner = await rejects(listWebhookEndpoints(t.deps, customer.actor));
    expect([notOwner.code, notOwner.reason]).toEqual(["FORBIDDEN", "webhook.not_owner"]);
  });
});

describe("limits", () => {
  it("keeps at most 10 endpoints a shop, even when they are created at once", async () => {
    const a = await shopWithStock();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        createWebhookEndpoint(t.deps, a.shop.actor, {
          url: `https://example.com/h${i}`,
          events: ["order.paid"],
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refusedOnes = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refusedOnes.map((e) => [e.code, e.reason])).toEqual([
      ["CONFLICT", "webhook.too_many_endpoints"],
      ["CONFLICT", "webhook.too_many_endpoints"],
    ]);
    expect(await listWebhookEndpoints(t.deps, a.shop.actor)).toHaveLength(10);
  });
});

describe("URLs", () => {
  it("takes https only; http only to loopback with the flag; never internal addresses in production", async () => {
    const a = await shopWithStock();
    const tryUrl = (url: string) =>
      createWebhookEndpoint(t.deps, a.shop.actor, { url, events: ["order.placed"] });
    const refused = async (url: string) => {
      const err = await rejects(tryUrl(url));
      expect([err.code, err.reason, Object.keys(err.details?.fieldErrors as object)]).toEqual([
        "VALIDATION",
        "webhook.url_not_allowed",
        ["url"],
      ]);
    };
    await refused("http://example.com/hook");
    await refused("ftp://example.com/hook");
    await refused("https://user:pw@example.com/hook");
    expect((await tryUrl("https://example.com/hook")).endpoint.url).toBe("https://example.com/hook");
    const saved = t.deps.webhooks;
    try {
      t.deps.webhooks = { ...saved, allowHttpLoopback: false };
      await refused(rx.url("/x"));
      t.deps.webhooks = { ...saved, allowHttpLoopback: false, blockPrivateAddresses: true };
      for (const url of [
        "https://10.1.2.3/h",
        "https://192.168.0.10/h",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/h",
        "https://[fe80::1]/h",
        "https://localhost/h",
        "https://127.0.0.1/h",
      ])
        await refused(url);
    } finally {
      t.deps.webhooks = saved;
    }
  });

  it("refuses at delivery an address that resolves to an internal one when production rules are on", async () => {
    const a = await shopWithStock();
    const ep = await createWebhookEndpoint(t.deps, a.shop.actor, {
      url: "https://localhost.test.invalid/h",
      events: ["order.placed"],
    });
    const saved = t.deps.webhooks;
    t.deps.webhooks = { ...saved, blockPrivateAddresses: true };
    try {
      const r = await sendTestWebhook(t.deps, a.shop.actor, { id: ep.endpoint.id });
      expect(r.delivery).toMatchObject({ status: "pending", attempts: 1 });
      expect(r.delivery.lastAttempt!.status).toBe("failed");
    } finally {
      t.deps.webhooks = saved;
    }
  });
});
