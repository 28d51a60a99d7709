import { randomUUID } from "node:crypto";
import { ledgerEntries, sellerBalances } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";
import { placeOrder } from "../checkout";
import { advanceSubOrder } from "../orders";
import { completeDevPayment, confirmPayment, type DevGateway } from "../payments";
import type { SellerActor } from "../platform/deps";
import { approveReturn, receiveReturn, requestReturn } from "../returns";
import { orderFixture } from "./order-fixture";
import type { TestContext } from "./test-context";

/** Test-only: shops whose sub-orders are delivered, returned and paid, and their books read back. */
export function moneyFixture(t: TestContext) {
  const fx = orderFixture(t);

  /** A sub-order of `shop` with `qty` units at `price`, walked to delivered; online orders paid first. */
  async function delivered(
    shop: { id: string; actor: SellerActor },
    opts: { price?: number; qty?: number; method?: "cod" | "razorpay" } = {},
  ) {
    const v = await fx.variant(shop, opts.price ?? 100_000, 1_000);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, opts.qty ?? 1]]);
    const method = opts.method ?? "cod";
    const order = await placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod: method,
      idempotencyKey: `k-${randomUUID()}`,
    });
    if (method === "razorpay") {
      const { redirectParams } = completeDevPayment(t.deps.payments as DevGateway, {
        orderId: order.payment!.razorpayOrderId,
        outcome: "pay",
      });
      const ok = redirectParams as Record<string, string>;
      await confirmPayment(t.deps, buyer.actor, {
        razorpayOrderId: ok.razorpay_order_id!,
        razorpayPaymentId: ok.razorpay_payment_id!,
        signature: ok.razorpay_signature!,
      });
    }
    const sub = order.subOrders[0]!;
    for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
      await advanceSubOrder(t.deps, shop.actor, {
        subOrderId: sub.id,
        to,
        ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: "DL12345678" }),
      });
    return { buyer, order, sub, orderItemId: sub.items[0]!.id };
  }

  /** The buyer sends back `qty` units and the seller receives them: the refund is booked. */
  async function returned(shop: { actor: SellerActor }, d: Awaited<ReturnType<typeof delivered>>, qty = 1) {
    const r = await requestReturn(t.deps, d.buyer.actor, {
      subOrderId: d.sub.id,
      lines: [{ orderItemId: d.orderItemId, qty, reason: "defective" }],
      refundAccount: { kind: "upi", upiId: "anita.rao@okaxis" },
    });
    await approveReturn(t.deps, shop.actor, { id: r.id });
    await receiveReturn(t.deps, shop.actor, {
      id: r.id,
      lines: [{ orderItemId: d.orderItemId, restock: false }],
    });
    return r;
  }

  /** The balance row, and each bucket's sum of entries: they must always agree. */
  async function books(sellerId: string) {
    const [row] = await t.deps.db.select().from(sellerBalances).where(eq(sellerBalances.sellerId, sellerId));
    const sums = await t.deps.db
      .select({ bucket: ledgerEntries.bucket, sum: sql<number>`sum(${ledgerEntries.amount})::int` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.sellerId, sellerId))
      .groupBy(ledgerEntries.bucket);
    const [sales] = await t.deps.db
      .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)::int` })
      .from(ledgerEntries)
      .where(sql`${ledgerEntries.sellerId} = ${sellerId} and ${ledgerEntries.kind} = 'sale'`);
    const of = (b: string) => sums.find((s) => s.bucket === b)?.sum ?? 0;
    return {
      balance: {
        pending: row?.pending ?? 0,
        available: row?.available ?? 0,
        inPayout: row?.inPayout ?? 0,
        paidOut: row?.paidOut ?? 0,
        lifetimeSales: row?.lifetimeSales ?? 0,
      },
      entries: {
        pending: of("pending"),
        available: of("available"),
        inPayout: of("in_payout"),
        paidOut: of("paid_out"),
        lifetimeSales: sales!.sum,
      },
    };
  }

  /** Entries of a sub-order, by kind and bucket, in the order written. */
  const entriesOf = (subOrderId: string) =>
    t.deps.db
      .select({ kind: ledgerEntries.kind, bucket: ledgerEntries.bucket, amount: ledgerEntries.amount })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.subOrderId, subOrderId))
      .orderBy(ledgerEntries.seq);

  return { ...fx, delivered, returned, books, entriesOf };
}
