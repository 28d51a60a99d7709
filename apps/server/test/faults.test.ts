import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVerifiedUser } from "@bazaar/core";
import {
  createTestContext,
  signInForTest as login,
  orderFixture,
  type RazorpayStub,
  startRazorpayStub,
  type TestContext,
} from "@bazaar/core/testing";
import { createDb, type DbHandle } from "@bazaar/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, canRunServices, type Services, startApp, startServices } from "./support/processes";

/**
 * Faults on real servers: a PostgreSQL 15 and a Redis of this file's own, and the API and
 * the worker as OS processes, as production runs them. Connections are killed under load,
 * PostgreSQL is restarted and Redis stopped while requests run; the processes must stay
 * up, answer 503 (never 500, never a hang) while a service is away, lose and duplicate
 * nothing, and serve again when it is back.
 */
describe.skipIf(!canRunServices)("faults on real PostgreSQL and Redis", () => {
  const secret = "fault-test-secret-fault-test-secret!";
  let services: Services;
  let server: AppProcess;
  let worker: AppProcess;
  let db: DbHandle;
  let admin: pg.Pool;
  let t: TestContext;
  let fx: ReturnType<typeof orderFixture>;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    services = await startServices();
    dataDir = mkdtempSync(join(tmpdir(), "bazaar-faults-data-"));
    env = {
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: secret,
      BCRYPT_COST: "4",
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      SWEEP_EVERY_SECONDS: "1",
      SWEEP_GRACE_SECONDS: "1",
    };
    // The server migrates the database; the worker then finds it ready.
    server = await startApp("server", env);
    worker = await startApp("worker", env);
    db = await createDb({ url: services.databaseUrl, poolSize: 4, applicationName: "bazaar-test" });
    t = await createTestContext({ db });
    t.deps.auth.secret = new TextEncoder().encode(secret);
    fx = orderFixture(t);
    // A pool, not one client: it must outlive the PostgreSQL restart below.
    admin = new pg.Pool({ connectionString: services.databaseUrl, application_name: "bazaar-test", max: 2 });
    admin.on("error", () => {});
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await worker?.stop();
    await admin?.end().catch(() => {});
    await t?.close();
    await db?.close().catch(() => {});
    await services?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  type Answer = { status: number; ms: number; body: { error?: { json?: { data?: { reason?: string } } } } };
  const call = async (
    to: AppProcess,
    kind: "query" | "mutation",
    path: string,
    input: unknown,
    token?: string,
  ): Promise<Answer> => {
    const started = Date.now();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const encoded = JSON.stringify({ json: input });
    const res =
      kind === "query"
        ? await fetch(`${to.url}/trpc/${path}?input=${encodeURIComponent(encoded)}`, { headers })
        : await fetch(`${to.url}/trpc/${path}`, { method: "POST", headers, body: encoded });
    const body = (await res.json().catch(() => ({}))) as Answer["body"];
    return { status: res.status, ms: Date.now() - started, body };
  };
  const ready = async (to: AppProcess) => (await fetch(`${to.url}/readyz`)).status;
  const eventually = async (what: string, check: () => Promise<boolean>, withinMs = 30_000) => {
    const deadline = Date.now() + withinMs;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const rows = async <T>(text: string, values: unknown[] = []) =>
    (await admin.query(text, values)).rows as T[];

  /** A signed-in buyer with an address, holding `qty` of the variant in their cart. */
  async function buyer(variantId: string, qty: number) {
    const email = `buyer-${randomUUID()}@example.com`;
    const user = await createVerifiedUser(t.deps, {
      email,
      name: "Meera Iyer",
      password: "pass-word-1",
      role: "customer",
    });
    const { accessToken } = await login(
      t.deps,
      { ip: null, userAgent: null },
      { email, password: "pass-word-1" },
    );
    const address = await call(
      server,
      "mutation",
      "addresses.create",
      {
        name: "Meera Iyer",
        phone: "9876543210",
        line1: "7 MG Road",
        city: "Pune",
        state: "Maharashtra",
        pincode: "411001",
      },
      accessToken,
    );
    expect(address.status).toBe(200);
    expect((await call(server, "mutation", "cart.addItem", { variantId, qty }, accessToken)).status).toBe(
      200,
    );
    const addressId = (address.body as { result: { data: { json: { id: string } } } }).result.data.json.id;
    return { userId: user.id, email, token: accessToken, addressId };
  }

  it("answers 503 and keeps every order whole when PostgreSQL kills the connections of checkouts in flight", async () => {
    const shop = await fx.shop("Fault Line Textiles", "Gujarat");
    const v = await fx.variant(shop, 45_000, 40, "Ajrakh stole");
    const buyers = await Promise.all(Array.from({ length: 16 }, () => buyer(v.id, 2)));
    const keys = buyers.map(() => `k-${randomUUID()}`);
    const place = (i: number) =>
      call(
        server,
        "mutation",
        "checkout.placeOrder",
        { addressId: buyers[i]!.addressId, paymentMethod: "cod", idempotencyKey: keys[i] },
        buyers[i]!.token,
      );

    // Kill every connection the API holds, over and over, while sixteen checkouts run.
    let killing = true;
    let killed = 0;
    const killer = (async () => {
      while (killing) {
        const r = await rows<{ n: string }>(
          "select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = 'bazaar-server'",
        );
        killed += Number(r[0]?.n ?? 0);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const first = await Promise.all(buyers.map((_, i) => place(i))).finally(() => {
      killing = false;
    });
    await killer;

    expect(killed).toBeGreaterThan(0);
    expect(server.alive()).toBe(true);
    const statuses = first.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    const unavailable = first.find((a) => a.status === 503)!;
    expect(unavailable.body.error?.json?.data?.reason).toBe("service.unavailable");
    expect(server.output()).not.toMatch(/Unhandled 'error' event|uncaughtException/);

    // Back to normal: each buyer retries with the same key and ends up with exactly one order.
    await eventually("the API is ready again", async () => (await ready(server)) === 200);
    for (let i = 0; i < buyers.length; i++)
      if (first[i]!.status !== 200) expect((await place(i)).status).toBe(200);
    const orders = await rows<{ customer_id: string; n: string }>(
      "select customer_id, count(*) as n from orders where customer_id = any($1) group by customer_id",
      [buyers.map((b) => b.userId)],
    );
    expect(orders).toHaveLength(buyers.length);
    expect(orders.every((o) => o.n === "1")).toBe(true);
    // Stock, its log and the order lines agree: no unit sold twice or lost.
    const [sold] = await rows<{ qty: string }>(
      "select coalesce(sum(qty), 0) as qty from order_items where variant_id = $1",
      [v.id],
    );
    const [moved] = await rows<{ delta: string }>(
      "select coalesce(sum(delta), 0) as delta from inventory_movements where variant_id = $1",
      [v.id],
    );
    expect(Number(sold!.qty)).toBe(32);
    expect(Number(moved!.delta)).toBe(-32);
    expect(await fx.stockOf(v.id)).toBe(8);
  }, 120_000);

  it("survives a PostgreSQL restart in the API and the worker, answering 503 until it is back", async () => {
    const shop = await fx.shop("Restart Ready Crafts");
    const v = await fx.variant(shop, 12_000, 10, "Terracotta lamp");
    const b = await buyer(v.id, 1);

    await services.stop("pg");
    const down = await Promise.all([
      call(server, "query", "auth.me", undefined, b.token),
      call(server, "query", "catalog.products.list", { q: `lamp ${randomUUID().slice(0, 6)}` }),
      call(
        server,
        "mutation",
        "checkout.placeOrder",
        {
          addressId: b.addressId,
          paymentMethod: "cod",
          idempotencyKey: `k-${randomUUID()}`,
        },
        b.token,
      ),
    ]);
    expect(down.map((a) => a.status)).toEqual([503, 503, 503]);
    // The connect timeout is 1.5 s: a request waits for it, then answers.
    expect(Math.max(...down.map((a) => a.ms))).toBeLessThan(5_000);
    expect(await ready(server)).toBe(503);

    await services.start("pg");
    await eventually("the API is ready again", async () => (await ready(server)) === 200);
    expect([server.alive(), worker.alive()]).toEqual([true, true]);
    expect((await call(server, "query", "auth.me", undefined, b.token)).status).toBe(200);

    // The worker works again too: an order's confirmation email goes out through it.
    const placed = await call(
      server,
      "mutation",
      "checkout.placeOrder",
      {
        addressId: b.addressId,
        paymentMethod: "cod",
        idempotencyKey: `k-${randomUUID()}`,
      },
      b.token,
    );
    expect(placed.status).toBe(200);
    await eventually("the order email is sent by the worker", async () => {
      const sent = await rows<{ status: string }>(
        "select status from emails where \"to\" = $1 and template = 'order_placed'",
        [b.email],
      );
      return sent.length === 1 && sent[0]!.status === "sent";
    });
    expect(worker.output()).not.toMatch(/Unhandled 'error' event|uncaughtException/);
  }, 120_000);

  it("falls back at once when Redis is down, and catches up on the work it missed when it returns", async () => {
    const shop = await fx.shop("No Redis Naturals");
    const v = await fx.variant(shop, 30_000, 10, "Neem comb");
    const b = await buyer(v.id, 1);

    await services.stop("redis");
    const signIn = await call(server, "mutation", "auth.login", { email: b.email, password: "pass-word-1" });
    const coupon = await call(server, "mutation", "cart.applyCoupon", { code: "NOSUCH10" }, b.token);
    const list = await call(server, "query", "catalog.products.list", {
      q: `comb ${randomUUID().slice(0, 6)}`,
    });
    const order = await call(
      server,
      "mutation",
      "checkout.placeOrder",
      {
        addressId: b.addressId,
        paymentMethod: "cod",
        idempotencyKey: `k-${randomUUID()}`,
      },
      b.token,
    );
    expect([signIn.status, list.status, order.status]).toEqual([200, 200, 200]);
    expect(coupon.status).toBeGreaterThanOrEqual(400);
    expect(coupon.status).toBeLessThan(500);
    for (const a of [signIn, coupon, list, order]) expect(a.ms).toBeLessThan(2_500);
    expect(await ready(server)).toBe(503);
    // Rate limits still hold while Redis is away: in memory, per process.
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++)
      limited =
        (await call(server, "mutation", "auth.login", { email: b.email, password: "wrong-pass-1" }))
          .status === 429;
    expect(limited).toBe(true);

    // The order's email could not be queued: it waits in the outbox, not lost.
    const pending = await rows<{ id: string; status: string }>(
      "select id, status from emails where \"to\" = $1 and template = 'order_placed'",
      [b.email],
    );
    expect(pending.map((e) => e.status)).toEqual(["pending"]);

    await services.start("redis");
    await eventually("the API is ready again", async () => (await ready(server)) === 200);
    // The sweep finds the email and the worker sends it, once.
    await eventually("the missed email is sent", async () => {
      const [row] = await rows<{ status: string }>("select status from emails where id = $1", [
        pending[0]!.id,
      ]);
      return row?.status === "sent";
    });
    const [sent] = await rows<{ attempts: number }>("select attempts from emails where id = $1", [
      pending[0]!.id,
    ]);
    expect(sent!.attempts).toBe(1);
    expect([server.alive(), worker.alive()]).toEqual([true, true]);
  }, 120_000);

  describe("a payment gateway that fails or stops answering", () => {
    let stub: RazorpayStub;
    let paying: AppProcess;
    const keys = { keyId: "rzp_test_faults", keySecret: "fault-key-secret" };

    beforeAll(async () => {
      stub = await startRazorpayStub(keys);
      paying = await startApp("server", {
        ...env,
        REDIS_URL: "",
        RUN_JOBS_IN_PROCESS: "true",
        RAZORPAY_KEY_ID: keys.keyId,
        RAZORPAY_KEY_SECRET: keys.keySecret,
        RAZORPAY_WEBHOOK_SECRET: "fault-webhook-secret",
        RAZORPAY_API_URL: stub.url,
        RAZORPAY_TIMEOUT_MS: "1000",
      });
    }, 60_000);
    afterAll(async () => {
      await paying?.stop();
      await stub?.close();
    });

    it("keeps the order when the gateway answers 5xx or times out, and takes one gateway order on retry", async () => {
      const shop = await fx.shop("Gateway Woes Ceramics");
      const v = await fx.variant(shop, 80_000, 5, "Blue pottery vase");
      const b = await buyer(v.id, 1);
      const asBuyer = { ...b };
      stub.failNext({ status: 503, when: (r) => r.path === "/v1/orders" });
      const placed = await call(
        paying,
        "mutation",
        "checkout.placeOrder",
        {
          addressId: asBuyer.addressId,
          paymentMethod: "razorpay",
          idempotencyKey: `k-${randomUUID()}`,
        },
        asBuyer.token,
      );
      expect(placed.status).toBe(200);
      const order = (placed.body as { result: { data: { json: { id: string; payment: unknown } } } }).result
        .data.json;
      expect(order.payment).toBeNull();
      expect(await fx.stockOf(v.id)).toBe(4);

      // The gateway now holds the request without answering: the client gives up in time.
      stub.failNext({ hangMs: 5_000, when: (r) => r.path === "/v1/orders" });
      const stuck = await call(paying, "mutation", "payments.start", { orderId: order.id }, asBuyer.token);
      expect(stuck.status).toBe(503);
      expect(stuck.ms).toBeLessThan(3_000);

      const retried = await call(paying, "mutation", "payments.start", { orderId: order.id }, asBuyer.token);
      expect(retried.status).toBe(200);
      const again = await call(paying, "mutation", "payments.start", { orderId: order.id }, asBuyer.token);
      expect(again.status).toBe(200);
      // One payment row, and no gateway order created after the successful one.
      const payments = await rows<{ n: string }>("select count(*) as n from payments where order_id = $1", [
        order.id,
      ]);
      expect(payments[0]!.n).toBe("1");
      const creates = stub.requests.filter((r) => r.method === "POST" && r.path === "/v1/orders");
      expect(creates.length).toBe(3);
      expect(paying.alive()).toBe(true);
    }, 60_000);
  });
});
