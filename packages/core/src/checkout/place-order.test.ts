import { randomUUID } from "node:crypto";
import { emails, inventoryMovements, orderItems, orders, products, productVariants, users } from "@bazaar/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldSoldCounts } from "../catalog";
import type { DomainError } from "../errors";
import { cancelMyOrder } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { applySaleBoundary, createSaleEvent } from "../promotions";
import { createTestContext, orderFixture, type TestContext } from "../testing";
import { statementCounter } from "../testing/statement-counter";
import { placeOrder } from "./place-order";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
let counter: ReturnType<typeof statementCounter>;
/** The test context's services, with jobs enqueued outside the counting scope (they run later, elsewhere). */
let deps: Deps;
type Shop = Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
let shops: Shop[];

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
  counter = statementCounter(t.deps.db);
  const queue = t.deps.jobs;
  deps = { ...t.deps, jobs: { enqueue: (...a) => counter.outside(() => queue.enqueue(...a)) } };
  shops = [await fx.shop("Ravi Textiles"), await fx.shop("Meera Crafts"), await fx.shop("Kala Pottery")];
});
afterAll(async () => {
  counter.stop();
  await t.close();
});

const key = () => `k-${randomUUID()}`;
const place = (
  d: Deps,
  buyer: { actor: Actor; addressId: string },
  paymentMethod: "cod" | "razorpay" = "cod",
) => placeOrder(d, buyer.actor, { addressId: buyer.addressId, paymentMethod, idempotencyKey: key() });

/** On PostgreSQL Drizzle sends begin and commit as statements; PGlite's client sends them itself. */
const txStatements = () => (t.db.driver === "postgres" ? 2 : 0);

/** A buyer whose cart holds `lines` lines spread over the first `sellers` shops, 10 in stock each. */
async function cartOf(lines: number, sellers: number) {
  const variants = [];
  for (let i = 0; i < lines; i++) variants.push(await fx.variant(shops[i % sellers]!, 10_000 + i * 100, 10));
  const buyer = await fx.customer();
  await fx.fill(
    buyer,
    variants.map((v) => [v.id, 1]),
  );
  return { buyer, variants };
}

describe("placing an order is set-based", () => {
  it("sends the same twenty-odd statements for one line from one shop as for five lines from three", async () => {
    const small = await cartOf(1, 1);
    const large = await cartOf(5, 3);
    const one = await counter.count(() => place(deps, small.buyer));
    const five = await counter.count(() => place(deps, large.buyer));
    expect(five.result.subOrders.map((s) => s.items.length)).toEqual([2, 2, 1]);
    expect(one.result.subOrders.map((s) => s.items.length)).toEqual([1]);
    // 21 on PostgreSQL today: begin and commit, the in-app notification and webhook outbox
    // inserts and the unread count published after the commit included.
    expect(five.statements.length, five.statements.join("\n")).toBeLessThanOrEqual(20 + txStatements());
    expect(five.statements.length).toBe(one.statements.length);
    // One stock update for every line, and one refresh of the products' derived fields.
    const stockUpdates = five.statements.filter((s) => /update product_variants/i.test(s));
    const derived = five.statements.filter((s) => /update products/i.test(s));
    expect([stockUpdates.length, derived.length]).toEqual([1, 1]);
  });

  it("answers with the order as it reads back later, without reading it back", async () => {
    const { buyer } = await cartOf(3, 2);
    const placed = await place(t.deps, buyer);
    const replayed = await placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod: "cod",
      idempotencyKey: (await t.deps.db.select().from(orders).where(eq(orders.id, placed.id)))[0]!
        .idempotencyKey,
    });
    // The replay reads the order from the database; the first answer was built from the rows written.
    expect(placed).toEqual(replayed);
  });

  it("writes the buyer's and each seller's email to the outbox in the transaction, rendered later by the email job", async () => {
    const { buyer } = await cartOf(3, 3);
    const order = await counter.count(() => place(deps, buyer));
    const inserts = order.statements.filter((s) => /insert into "?emails"?/i.test(s));
    expect(inserts).toHaveLength(1);
    // Nothing in the request rendered a template: a rendered email has its subject stored when sent.
    expect(order.statements.some((s) => /update "?emails"?/i.test(s))).toBe(false);
    await t.drain();
    const sellerEmails = await t.deps.db
      .select({ email: users.email })
      .from(users)
      .where(
        inArray(
          users.id,
          shops.map((s) => s.userId),
        ),
      );
    const subjects = await t.deps.db
      .select({ to: emails.to, subject: emails.subject, status: emails.status })
      .from(emails)
      .where(inArray(emails.to, [buyer.user.email, ...sellerEmails.map((e) => e.email)]))
      .orderBy(emails.createdAt);
    const forThisOrder = subjects.filter((e) => e.subject?.includes(order.result.number));
    expect(forThisOrder.map((e) => e.status)).toEqual(["sent", "sent", "sent", "sent"]);
    expect((await t.lastEmailTo(buyer.user.email)).subject).toBe(`Order ${order.result.number} placed`);
  });

  it("replays an idempotency key with the same order, in the same statements however large the order", async () => {
    const { buyer } = await cartOf(4, 2);
    const input = { addressId: buyer.addressId, paymentMethod: "cod" as const, idempotencyKey: key() };
    const first = await placeOrder(deps, buyer.actor, input);
    // The cart is empty now; the same key still answers with the order it placed.
    const again = await counter.count(() => placeOrder(deps, buyer.actor, input));
    expect(again.result.id).toBe(first.id);
    expect(again.result.subOrders.map((s) => s.number)).toEqual(first.subOrders.map((s) => s.number));
    const [n] = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(eq(orders.customerId, buyer.user.id));
    expect(n!.n).toBe(1);
  });
});

describe("the last unit", () => {
  it("goes to exactly one of two buyers racing for it; the other is told it is out of stock", async () => {
    const v = await fx.variant(shops[0]!, 50_000, 1, "Last Pashmina");
    const a = await fx.customer();
    const b = await fx.customer();
    await fx.fill(a, [[v.id, 1]]);
    await fx.fill(b, [[v.id, 1]]);
    const results = await Promise.allSettled([place(t.deps, a), place(t.deps, b)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!
      .reason as DomainError;
    expect([lost.code, lost.reason]).toEqual(["INVALID_STATE", "checkout.out_of_stock"]);
    expect(await fx.stockOf(v.id)).toBe(0);
    await foldSoldCounts(t.deps.db);
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, v.product.id));
    expect([p!.totalStock, p!.soldCount]).toEqual([0, 1]);
  });

  // Needs a second connection to hold the lock while the order waits: PostgreSQL only.
  it.runIf(!!process.env.DATABASE_URL)(
    "names the line that ran short while the order waited for its stock, and takes nothing",
    async () => {
      const plenty = await fx.variant(shops[0]!, 10_000, 10, "Cotton dupatta");
      const scarce = await fx.variant(shops[1]!, 20_000, 3, "Brass diya");
      const buyer = await fx.customer();
      await fx.fill(buyer, [
        [plenty.id, 1],
        [scarce.id, 3],
      ]);
      let pending: Promise<unknown> = Promise.resolve();
      // A seller's stock correction holds the row while the order reads the cart (3 left) and
      // then queues for the stock; by the time the order gets the row only 1 is left.
      await t.deps.db.transaction(async (tx) => {
        await tx.execute(sql`select id from product_variants where id = ${scarce.id} for update`);
        pending = place(t.deps, buyer).catch((e: unknown) => e);
        await waitForLockWaiter();
        await tx.update(productVariants).set({ stock: 1 }).where(eq(productVariants.id, scarce.id));
      });
      const short = (await pending) as DomainError;
      expect([short.reason, short.message, short.details]).toEqual([
        "checkout.out_of_stock",
        "Brass diya: only 1 left",
        { variantId: scarce.id, available: 1 },
      ]);
      expect([await fx.stockOf(plenty.id), await fx.stockOf(scarce.id)]).toEqual([10, 1]);
      const [n] = await t.deps.db
        .select({ n: sql<number>`count(*)::int` })
        .from(orders)
        .where(eq(orders.customerId, buyer.user.id));
      expect(n!.n).toBe(0);
    },
  );
});

/** Resolves once some session of this database waits for a row lock (PostgreSQL). */
async function waitForLockWaiter() {
  for (let i = 0; i < 200; i++) {
    const r = (await t.deps.db.execute(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { rows: { n: number }[] };
    if (r.rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the order never waited for the stock lock");
}

describe("many buyers on a few hot variants", () => {
  it("never oversells or deadlocks with overlapping carts in any order and cancellations alongside; the inventory log adds up", async () => {
    const hot = [];
    for (let i = 0; i < 4; i++) hot.push(await fx.variant(shops[i % 3]!, 5_000 + i, 12, `Hot item ${i}`));
    const initial = 12;
    // Cancellations run alongside: orders placed beforehand, cancelled during the rush.
    const early = [];
    for (let i = 0; i < 3; i++) {
      const b = await fx.customer();
      await fx.fill(b, [
        [hot[(i + 1) % 4]!.id, 1],
        [hot[i]!.id, 1],
      ]);
      early.push({ buyer: b, order: await place(t.deps, b) });
    }
    const buyers = [];
    for (let i = 0; i < 30; i++) {
      const b = await fx.customer();
      // Overlapping carts, each filled in a different order: 2–4 of the hot variants, 1–2 units each.
      const picks = [...hot].sort(() => Math.random() - 0.5).slice(0, 2 + (i % 3));
      await fx.fill(
        b,
        picks.map((v, j) => [v.id, 1 + ((i + j) % 2)]),
      );
      buyers.push(b);
    }
    const results = await Promise.allSettled([
      ...buyers.map((b) => place(t.deps, b)),
      ...early.map((e) => cancelMyOrder(t.deps, e.buyer.actor, { orderId: e.order.id })),
    ]);
    const reasons = results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) => (r.reason as DomainError).reason ?? String(r.reason));
    // Every refusal is a sold-out line (or a cart cut to what was left): no deadlock, no timeout.
    for (const r of reasons) expect(["checkout.out_of_stock", "checkout.cart_changed"]).toContain(r);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(3);

    for (const v of hot) {
      const stock = await fx.stockOf(v.id);
      expect(stock).toBeGreaterThanOrEqual(0);
      const [log] = await t.deps.db
        .select({ delta: sql<number>`coalesce(sum(${inventoryMovements.delta}), 0)::int` })
        .from(inventoryMovements)
        .where(eq(inventoryMovements.variantId, v.id));
      expect(initial + log!.delta).toBe(stock);
      // Units in orders still standing are exactly the units gone from the shelf.
      const [sold] = await t.deps.db
        .select({ qty: sql<number>`coalesce(sum(${orderItems.qty}), 0)::int` })
        .from(orderItems)
        .where(
          and(
            eq(orderItems.variantId, v.id),
            sql`exists (select 1 from sub_orders so where so.id = ${orderItems.subOrderId} and so.status <> 'cancelled')`,
          ),
        );
      expect(initial - sold!.qty).toBe(stock);
      await foldSoldCounts(t.deps.db);
      const [p] = await t.deps.db.select().from(products).where(eq(products.id, v.product.id));
      expect([p!.totalStock, p!.soldCount]).toEqual([stock, sold!.qty]);
    }
  });
});

describe("cancellation and the sale-boundary job are set-based too", () => {
  it("restocks a three-part order in the same statements as a one-part order", async () => {
    const small = await cartOf(1, 1);
    const large = await cartOf(5, 3);
    const a = await place(t.deps, small.buyer);
    const b = await place(t.deps, large.buyer);
    const one = await counter.count(() => cancelMyOrder(deps, small.buyer.actor, { orderId: a.id }));
    const three = await counter.count(() => cancelMyOrder(deps, large.buyer.actor, { orderId: b.id }));
    expect(three.result.subOrders.map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(three.statements.length).toBe(one.statements.length);
    expect(three.statements.filter((s) => /update product_variants/i.test(s))).toHaveLength(1);
    for (const v of large.variants) expect(await fx.stockOf(v.id)).toBe(10);
    await foldSoldCounts(t.deps.db);
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, large.variants[4]!.product.id));
    expect([p!.totalStock, p!.soldCount]).toEqual([10, 0]);
  });

  it("moves the prices of every product in a sale in the same statements however many there are", async () => {
    const HOUR = 3_600_000;
    const startsAt = new Date(t.deps.now().getTime() + HOUR);
    const saleOf = async (n: number) => {
      const shop = await fx.shop(`Sale shop ${n}`);
      const items = [];
      for (let i = 0; i < n; i++) items.push(await fx.variant(shop, 100_000 + i, 5, `Sale item ${i}`));
      const sale = await createSaleEvent(t.deps, shop.actor, {
        name: `Sale of ${n}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        items: items.map((v) => ({ variantId: v.id, salePrice: 50_000 })),
      });
      return { sale, items };
    };
    const one = await saleOf(1);
    const five = await saleOf(5);
    t.advance(HOUR + 1000);
    try {
      const a = await counter.count(() => applySaleBoundary(deps, one.sale.id));
      const b = await counter.count(() => applySaleBoundary(deps, five.sale.id));
      expect(b.statements.length).toBe(a.statements.length);
      expect(b.statements.length).toBeLessThanOrEqual(2 + txStatements());
      const rows = await t.deps.db
        .select({ min: products.minPrice, stock: products.totalStock })
        .from(products)
        .where(
          inArray(
            products.id,
            five.items.map((v) => v.product.id),
          ),
        );
      expect(rows.map((r) => [r.min, r.stock])).toEqual(five.items.map(() => [50_000, 5]));
      const [variant] = await t.deps.db
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(eq(productVariants.id, five.items[0]!.id));
      expect(variant!.stock).toBe(5);
    } finally {
      t.advance(-(HOUR + 1000));
    }
  });
});

describe("sold counts (best-selling) lag behind the order by the fold job's interval", () => {
  const soldOf = async (productId: string) => {
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, productId));
    return { totalStock: p!.totalStock, soldCount: p!.soldCount };
  };

  it("keeps stock exact at once and adds the units sold when the job folds them, once", async () => {
    const v = await fx.variant(shops[1]!, 20_000, 10, "Folded Dupatta");
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 3]]);
    const order = await place(t.deps, buyer);
    // What a shopper sees as in stock moves with the order; the best-selling rank waits.
    expect(await soldOf(v.product.id)).toEqual({ totalStock: 7, soldCount: 0 });
    // Two runs at once (two workers): the units count once.
    const runs = await Promise.all([foldSoldCounts(t.deps.db), foldSoldCounts(t.deps.db)]);
    expect(runs.flat()).toContain(v.product.id);
    expect(await soldOf(v.product.id)).toEqual({ totalStock: 7, soldCount: 3 });
    await foldSoldCounts(t.deps.db);
    expect((await soldOf(v.product.id)).soldCount).toBe(3);
    // A cancellation puts the stock back at once and takes the units off at the next fold.
    await cancelMyOrder(deps, buyer.actor, { orderId: order.id });
    expect(await soldOf(v.product.id)).toEqual({ totalStock: 10, soldCount: 3 });
    await foldSoldCounts(t.deps.db);
    expect(await soldOf(v.product.id)).toEqual({ totalStock: 10, soldCount: 0 });
  });

  it("leaves an order's products update off products' listing indexes (sold_count untouched per order)", async () => {
    const v = await fx.variant(shops[2]!, 9_000, 5, "Indexed Lamp");
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 1]]);
    const { statements } = await counter.count(() => place(deps, buyer));
    const productUpdates = statements.filter((s) => /update products/i.test(s));
    expect(productUpdates).toHaveLength(1);
    expect(productUpdates[0]).not.toMatch(/sold_count/);
  });
});
