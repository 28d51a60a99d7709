import { randomUUID } from "node:crypto";
import { subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { advanceSubOrder } from "../orders";
import { approvePayout, markPayoutPaid, rejectPayout, requestPayout } from "../payouts";
import { createTestContext, type TestContext } from "../testing";
import { moneyFixture } from "../testing/money-fixture";
import { adjustBalance } from "./adjust-balance";
import { getMyBalances } from "./get-balances";
import { buildStatement } from "./get-statement";
import { releaseFunds } from "./release-funds";

let t: TestContext;
let m: ReturnType<typeof moneyFixture>;
const admin = { userId: "", role: "admin" as const, sessionId: randomUUID() };

beforeAll(async () => {
  t = await createTestContext();
  m = moneyFixture(t);
  admin.userId = (await m.customer()).user.id;
});
afterAll(() => t.close());

type Op =
  | { op: "deliver"; method: "cod" | "razorpay"; qty: number }
  | { op: "cancel" }
  | { op: "return"; pick: number }
  | { op: "release"; pick: number }
  | { op: "adjust"; credit: boolean; amount: number }
  | { op: "request"; amount: number }
  | { op: "approve" | "pay" | "reject" };

const ops: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("deliver" as const),
      method: fc.constantFrom("cod" as const, "razorpay" as const),
      qty: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cancel" as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("return" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("release" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("adjust" as const),
      credit: fc.boolean(),
      amount: fc.integer({ min: 1, max: 80_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("request" as const),
      amount: fc.integer({ min: 40_000, max: 300_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constantFrom("approve" as const, "pay" as const, "reject" as const) }),
  },
);

/** Runs a step a rule may refuse (too little money, nothing open): the books must hold either way. */
const ruled = async (step: () => Promise<unknown>) => {
  try {
    await step();
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
};

it("keeps every balance equal to the sum of its entries, whatever happens in whatever order", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(ops, { minLength: 3, maxLength: 7 }), async (steps) => {
      const shop = await m.shop(`Prop ${randomUUID().slice(0, 6)}`);
      const delivered: { d: Awaited<ReturnType<typeof m.delivered>>; left: number; released: boolean }[] = [];
      let open: string | null = null;
      for (const s of steps) {
        if (s.op === "deliver")
          delivered.push({
            d: await m.delivered(shop, { method: s.method, qty: s.qty, price: 60_000 }),
            left: s.qty,
            released: false,
          });
        else if (s.op === "cancel") {
          const v = await m.variant(shop, 30_000, 10);
          const buyer = await m.customer();
          const order = await m.checkout(buyer, [[v.id, 1]]);
          await advanceSubOrder(t.deps, shop.actor, {
            subOrderId: order.subOrders[0]!.id,
            to: "cancelled",
            note: "Out of stock",
          });
        } else if (s.op === "return") {
          const open = delivered.filter((x) => x.left > 0);
          const x = open[s.pick % Math.max(1, open.length)];
          if (x) {
            await m.returned(shop, x.d, 1);
            x.left--;
          }
        } else if (s.op === "release") {
          const waiting = delivered.filter((x) => !x.released);
          const x = waiting[s.pick % Math.max(1, waiting.length)];
          if (x) {
            // The window closes now: as if its days had passed.
            await t.deps.db
              .update(subOrders)
              .set({ fundsReleaseAt: new Date(t.deps.now().getTime() - 1) })
              .where(eq(subOrders.id, x.d.sub.id));
            expect(await releaseFunds(t.deps, x.d.sub.id)).toBe(true);
            x.released = true;
          }
        } else if (s.op === "adjust")
          await adjustBalance(t.deps, admin, {
            sellerId: shop.id,
            direction: s.credit ? "credit" : "debit",
            amount: s.amount,
            reason: "Property check",
          });
        else if (s.op === "request")
          await ruled(async () => {
            open = (await requestPayout(t.deps, shop.actor, { amount: s.amount })).id;
          });
        else if (open) {
          const id: string = open;
          if (s.op === "approve") await ruled(() => approvePayout(t.deps, admin, { id }));
          if (s.op === "pay")
            await ruled(async () => {
              await markPayoutPaid(t.deps, admin, { id, utr: `PROPUTR${Date.now()}` });
              open = null;
            });
          if (s.op === "reject")
            await ruled(async () => {
              await rejectPayout(t.deps, admin, { id, reason: "Property check" });
              open = null;
            });
        }
        const books = await m.books(shop.id);
        expect(books.balance).toEqual(books.entries);
        expect(books.balance.inPayout).toBeGreaterThanOrEqual(0);
      }
      const b = await getMyBalances(t.deps, shop.actor);
      const month = new Date(t.deps.now().getTime() + 5.5 * 3_600_000).toISOString().slice(0, 7);
      const st = await buildStatement(t.deps.db, shop.id, month);
      expect(st.opening + st.credits - st.debits).toBe(st.closing);
      expect(st.closing).toBe(b.pending + b.available + b.inPayout);
    }),
    { numRuns: 8 },
  );
}, 300_000);
