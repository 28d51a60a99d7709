import { randomUUID } from "node:crypto";
import {
  auditLog,
  inventoryMovements,
  media,
  orderItems,
  refunds,
  returns,
  settings,
  subOrders,
} from "@bazaar/db";
import type { OrderUpdateEvent, RefundAccountInput, ReturnReason } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCoupon } from "../cart/apply-coupon";
import { productBySlug } from "../catalog";
import { placeOrder } from "../checkout/place-order";
import { sellerChannel } from "../orders";
import { advanceSubOrder } from "../orders/advance-sub-order";
import { getMyOrder } from "../orders/get-my-order";
import { getSellerOrder } from "../orders/get-seller-order";
import { completeDevPayment, type DevGateway } from "../payments";
import { confirmPayment } from "../payments/confirm-payment";
import { processRefund } from "../payments/process-refund";
import { createCoupon } from "../promotions/create-coupon";
import { createTestContext, rejects, type TestContext } from "../testing";
import { orderFixture } from "../testing/order-fixture";
import { adminGetReturn } from "./admin-get-return";
import { adminListReturns } from "./admin-list-returns";
import { approveReturn } from "./approve-return";
import { cancelReturn } from "./cancel-return";
import { decideReturn } from "./decide-return";
import { escalateReturn } from "./escalate-return";
import { getMyReturn } from "./get-my-return";
import { getSellerReturn } from "./get-seller-return";
import { listMyReturns } from "./list-my-returns";
import { listSellerReturns } from "./list-seller-returns";
import { markReturnRefundPaid } from "./mark-refund-paid";
import { receiveReturn } from "./receive-return";
import { rejectReturn } from "./reject-return";
import { requestReturn } from "./request-return";
import {
  adminSetShopReturnWindow,
  getShopReturnWindow,
  setDefaultReturnWindow,
  setShopReturnWindow,
} from "./return-windows";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
type Shop = Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
const admin = { userId: "", role: "admin" as const, sessionId: randomUUID() };
const DAY = 86_400_000;
const UPI: RefundAccountInput = { kind: "upi", upiId: "anita.rao@okaxis" };

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
  admin.userId = (await fx.customer()).user.id;
});
afterAll(() => t.close());

/**
 * A delivered order from a fresh shop (unless given): `lines` are [price, qty]. Online
 * orders are paid through the dev gateway first, as a buyer would.
 */
async function delivered(
  opts: { lines?: [number, number][]; method?: "cod" | "razorpay"; shop?: Shop; couponBps?: number } = {},
) {
  const shop = opts.shop ?? (await fx.shop(`Shop ${randomUUID().slice(0, 6)}`));
  const lines = opts.lines ?? [[40_000, 2]];
  const variants = [];
  for (const [price] of lines) variants.push(await fx.variant(shop, price, 50));
  const buyer = await fx.customer();
  await fx.fill(
    buyer,
    variants.map((v, i) => [v.id, lines[i]![1]]),
  );
  if (opts.couponBps) {
    const c = await createCoupon(
      t.deps,
      admin,
      { sellerId: null },
      { code: `R${randomUUID().slice(0, 8)}`, kind: "percent", percentBps: opts.couponBps, usageLimit: 5 },
    );
    await applyCoupon(t.deps, { userId: buyer.user.id }, { code: c.code });
  }
  const method = opts.method ?? "cod";
  let order = await placeOrder(t.deps, buyer.actor, {
    addressId: buyer.addressId,
    paymentMethod: method,
    idempotencyKey: `k-${randomUUID()}`,
  });
  if (method === "razorpay") {
    const { redirectParams } = completeDevPayment(t.deps.payments as DevGateway, {
      orderId: order.payment!.razorpayOrderId,
      outcome: "pay",
    });
    const ok = redirectParams as {
      razorpay_order_id: string;
      razorpay_payment_id: string;
      razorpay_signature: string;
    };
    order = await confirmPayment(t.deps, buyer.actor, {
      razorpayOrderId: ok.razorpay_order_id,
      razorpayPaymentId: ok.razorpay_payment_id,
      signature: ok.razorpay_signature,
    });
  }
  const sub = order.subOrders[0]!;
  await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "packed" });
  await advanceSubOrder(t.deps, shop.actor, {
    subOrderId: sub.id,
    to: "shipped",
    carrier: "Delhivery",
    trackingNumber: "DL12345678",
  });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "out_for_delivery" });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "delivered" });
  order = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
  return { shop, buyer, order, sub: order.subOrders[0]!, items: order.subOrders[0]!.items, variants };
}
type Delivered = Awaited<ReturnType<typeof delivered>>;

/** Asks back `qty` of line `i` (or every unit of every line) for `reason`. */
type AskLine = { i: number; qty: number; reason?: ReturnReason };
const ask = (
  d: Delivered,
  lines?: AskLine[],
  extra: { refundAccount?: RefundAccountInput; photoIds?: string[] } = {},
) =>
  requestReturn(t.deps, d.buyer.actor, {
    subOrderId: d.sub.id,
    lines: (lines ?? d.items.map((it, i): AskLine => ({ i, qty: it.qty }))).map((l) => ({
      orderItemId: d.items[l.i]!.id,
      qty: l.qty,
      reason: l.reason ?? "damaged",
    })),
    ...(d.order.paymentMethod === "cod" && { refundAccount: extra.refundAccount ?? UPI }),
    ...(extra.photoIds && { photoIds: extra.photoIds }),
  });

const setDeliveredAt = (d: Delivered, at: Date) =>
  t.deps.db.update(subOrders).set({ deliveredAt: at }).where(eq(subOrders.id, d.sub.id));

/** The seller receives every line of the return, putting them back on sale or not. */
const receiveAll = async (d: Delivered, id: string, restock = true) => {
  const r = await getSellerReturn(t.deps, d.shop.actor, { id });
  return receiveReturn(t.deps, d.shop.actor, {
    id,
    lines: r.lines.map((l) => ({ orderItemId: l.orderItemId, restock })),
  });
};

describe("the return window", () => {
  it("is open until the last second of the shop's window after delivery and closed from the next", async () => {
    const d = await delivered();
    await setShopReturnWindow(t.deps, d.shop.actor, { returnWindowDays: 3 });
    await setDeliveredAt(d, new Date(t.deps.now().getTime() - 3 * DAY + 1000));
    const r = await ask(d, [{ i: 0, qty: 1 }]);
    expect(r.status).toBe("requested");

    const late = await delivered({ shop: d.shop });
    await setDeliveredAt(late, new Date(t.deps.now().getTime() - 3 * DAY));
    const e = await rejects(ask(late, [{ i: 0, qty: 1 }]));
    expect([e.code, e.reason]).toEqual(["INVALID_STATE", "return.window_closed"]);
  });

  it("is closed when the shop takes no returns (0 days), and the order page says so", async () => {
    const d = await delivered();
    await setShopReturnWindow(t.deps, d.shop.actor, { returnWindowDays: 0 });
    const e = await rejects(ask(d, [{ i: 0, qty: 1 }]));
    expect([e.code, e.reason]).toEqual(["INVALID_STATE", "return.not_returnable"]);
    const page = await getMyOrder(t.deps, d.buyer.actor, { orderId: d.order.id });
    expect([
      page.subOrders[0]!.items[0]!.returnableQty,
      page.subOrders[0]!.items[0]!.returnableUntil,
    ]).toEqual([0, null]);
  });

  it("follows the platform default unless the shop sets its own; the product and order pages show it", async () => {
    const d = await delivered();
    const before = await getShopReturnWindow(t.deps, d.shop.actor);
    expect(before.returnWindowDays).toBeNull();
    expect(before.effectiveDays).toBe(before.platformDefaultDays);
    const page = await getMyOrder(t.deps, d.buyer.actor, { orderId: d.order.id });
    const item = page.subOrders[0]!.items[0]!;
    expect(item.returnableQty).toBe(2);
    expect(item.returnableUntil!.getTime()).toBe(
      page.subOrders[0]!.deliveredAt!.getTime() + before.effectiveDays * DAY,
    );

    const set = await adminSetShopReturnWindow(t.deps, admin, { sellerId: d.shop.id, returnWindowDays: 30 });
    expect([set.returnWindowDays, set.effectiveDays]).toEqual([30, 30]);
    const product = await productBySlug(t.deps, { slug: d.variants[0]!.product.slug });
    expect(product.returnWindowDays).toBe(30);
    const [audited] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, d.shop.id), eq(auditLog.action, "seller.return_window_set")));
    expect(audited!.data).toEqual({ before: { returnWindowDays: null }, after: { returnWindowDays: 30 } });
  });

  it("takes the platform default from the settings an admin edits (audited)", async () => {
    const [saved] = await t.deps.db
      .select()
      .from(settings)
      .where(eq(settings.key, "returns.defaultWindowDays"));
    try {
      const s = await setDefaultReturnWindow(t.deps, admin, { days: 10 });
      expect(s.defaultWindowDays).toBe(10);
      const d = await delivered();
      expect((await getShopReturnWindow(t.deps, d.shop.actor)).effectiveDays).toBe(10);
      await expect(setDefaultReturnWindow(t.deps, admin, { days: 31 })).rejects.toThrow(/0 to 30 days/);
    } finally {
      if (saved) await setDefaultReturnWindow(t.deps, admin, { days: saved.value as number });
      else await t.deps.db.delete(settings).where(eq(settings.key, "returns.defaultWindowDays"));
    }
  });
});

describe("asking for a return", () => {
  it("never takes more units than were bought minus those already returned", async () => {
    const d = await delivered({ lines: [[40_000, 2]] });
    const e = await rejects(ask(d, [{ i: 0, qty: 3 }]));
    expect([e.code, e.reason, e.details?.available]).toEqual(["VALIDATION", "return.too_many_units", 2]);
    await ask(d, [{ i: 0, qty: 2 }]);
    const again = await rejects(ask(d, [{ i: 0, qty: 1 }]));
    expect([again.code, again.reason, again.details?.available]).toEqual([
      "VALIDATION",
      "return.too_many_units",
      0,
    ]);
    const page = await getMyOrder(t.deps, d.buyer.actor, { orderId: d.order.id });
    expect([page.subOrders[0]!.items[0]!.returnedQty, page.subOrders[0]!.items[0]!.returnableQty]).toEqual([
      2, 0,
    ]);
  });

  it("gives the last unit to one of two requests made at once", async () => {
    const d = await delivered({ lines: [[40_000, 1]] });
    const results = await Promise.allSettled([ask(d, [{ i: 0, qty: 1 }]), ask(d, [{ i: 0, qty: 1 }])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason.reason).toBe("return.too_many_units");
    const [item] = await t.deps.db.select().from(orderItems).where(eq(orderItems.id, d.items[0]!.id));
    expect(item!.returnedQty).toBe(1);
  });

  it("is only for delivered sub-orders, and only the buyer's", async () => {
    const shop = await fx.shop("Not yet delivered");
    const v = await fx.variant(shop, 40_000, 5);
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[v.id, 1]]);
    const sub = order.subOrders[0]!;
    const lines = [{ orderItemId: sub.items[0]!.id, qty: 1, reason: "damaged" as const }];
    const e = await rejects(
      requestReturn(t.deps, buyer.actor, { subOrderId: sub.id, lines, refundAccount: UPI }),
    );
    expect([e.code, e.reason]).toEqual(["INVALID_STATE", "return.not_delivered"]);

    const d = await delivered();
    const other = await fx.customer();
    const stranger = await rejects(
      requestReturn(t.deps, other.actor, {
        subOrderId: d.sub.id,
        lines: [{ orderItemId: d.items[0]!.id, qty: 1, reason: "damaged" }],
        refundAccount: UPI,
      }),
    );
    expect([stranger.code, stranger.reason]).toEqual(["NOT_FOUND", "order.not_found"]);
  });

  it("takes only the buyer's own photos", async () => {
    const d = await delivered();
    const [mine] = await t.deps.db
      .insert(media)
      .values({
        ownerId: d.buyer.user.id,
        storeKey: `k-${randomUUID()}`,
        url: "http://m/1.jpg",
        contentType: "image/jpeg",
        bytes: 10,
      })
      .returning();
    const [theirs] = await t.deps.db
      .insert(media)
      .values({
        ownerId: admin.userId,
        storeKey: `k-${randomUUID()}`,
        url: "http://m/2.jpg",
        contentType: "image/jpeg",
        bytes: 10,
      })
      .returning();
    const e = await rejects(ask(d, [{ i: 0, qty: 1 }], { photoIds: [mine!.id, theirs!.id] }));
    expect([e.code, e.reason]).toEqual(["VALIDATION", "return.photo_not_found"]);
    const r = await ask(d, [{ i: 0, qty: 1 }], { photoIds: [mine!.id] });
    expect(r.photos).toEqual([{ id: mine!.id, url: "http://m/1.jpg" }]);
  });

  it("tells the seller, pushes it live, shows on the order timeline and on both order pages", async () => {
    const d = await delivered();
    const heard: OrderUpdateEvent[] = [];
    const ac = new AbortController();
    const listening = (async () => {
      for await (const e of t.deps.live.subscribe(sellerChannel(d.shop.id), ac.signal))
        heard.push(e as OrderUpdateEvent);
    })();
    const r = await ask(d, [{ i: 0, qty: 1, reason: "defective" }]);
    ac.abort();
    await listening;
    expect(heard.map((e) => [e.subOrderId, e.to, e.return])).toEqual([
      [d.sub.id, "delivered", { id: r.id, number: r.number, status: "requested" }],
    ]);
    expect(r.number).toMatch(/^RT-\d{6}-[2-9A-HJ-NP-Z]{6}$/);
    const mail = await t.lastEmailTo(d.shop.contactEmail, { subject: /Return .* requested/ });
    expect(mail.text).toContain("defective");
    const page = await getMyOrder(t.deps, d.buyer.actor, { orderId: d.order.id });
    expect(page.subOrders[0]!.timeline.at(-1)).toMatchObject({
      to: "return.requested",
      returnId: r.id,
      actorRole: "customer",
    });
    expect(page.subOrders[0]!.returns).toEqual([
      expect.objectContaining({ id: r.id, status: "requested", itemCount: 1, refundAmount: r.refundAmount }),
    ]);
    const sellerView = await getSellerOrder(t.deps, d.shop.actor, { subOrderId: d.sub.id });
    expect(sellerView.returns.map((x) => x.id)).toEqual([r.id]);
    expect((await listMyReturns(t.deps, d.buyer.actor, {})).items.map((x) => x.id)).toContain(r.id);
    const board = await listSellerReturns(t.deps, d.shop.actor, { status: "requested" });
    expect(board.items.map((x) => [x.id, x.customerName])).toEqual([[r.id, "Anita Rao"]]);
  });
});

describe("cash-on-delivery refund accounts", () => {
  it("are required, stored encrypted, shown masked, and given in full to the admin who pays", async () => {
    const d = await delivered();
    const missing = await rejects(
      requestReturn(t.deps, d.buyer.actor, {
        subOrderId: d.sub.id,
        lines: [{ orderItemId: d.items[0]!.id, qty: 1, reason: "damaged" }],
      }),
    );
    expect([missing.code, missing.reason]).toEqual(["VALIDATION", "return.refund_account_required"]);
    const account = {
      kind: "bank" as const,
      holder: "Anita Rao",
      accountNumber: "123456789012",
      ifsc: "hdfc0000123",
    };
    const r = await ask(d, [{ i: 0, qty: 1 }], { refundAccount: account });
    expect(r.refundAccountLabel).toBe("Bank XXXXXX9012 · HDFC0000123");
    const [row] = await t.deps.db.select().from(returns).where(eq(returns.id, r.id));
    expect(JSON.stringify(row)).not.toContain("123456789012");
    expect(row!.refundAccountEncrypted).toBeTruthy();
    expect(JSON.stringify(await getMyReturn(t.deps, d.buyer.actor, { id: r.id }))).not.toContain(
      "123456789012",
    );

    await approveReturn(t.deps, d.shop.actor, { id: r.id });
    const received = await receiveAll(d, r.id, false);
    expect([received.status, received.refundStatus, received.refundMethod]).toEqual([
      "received",
      "owed",
      "manual",
    ]);
    const queue = await adminListReturns(t.deps, admin, { refundOwed: true, sellerId: d.shop.id });
    expect(queue.items.map((x) => x.id)).toEqual([r.id]);
    const full = await adminGetReturn(t.deps, admin, { id: r.id });
    expect(full.refundAccount).toEqual({ ...account, ifsc: "HDFC0000123" });

    const paid = await markReturnRefundPaid(t.deps, admin, { id: r.id, reference: "UTR123456" });
    expect([paid.status, paid.refundStatus, paid.refundReference, paid.refundAccount]).toEqual([
      "refunded",
      "paid",
      "UTR123456",
      null,
    ]);
    const again = await rejects(markReturnRefundPaid(t.deps, admin, { id: r.id, reference: "UTR123456" }));
    expect([again.code, again.reason]).toEqual(["INVALID_STATE", "return.invalid_transition"]);
    const order = await getMyOrder(t.deps, d.buyer.actor, { orderId: d.order.id });
    expect([order.refundedAmount, order.subOrders[0]!.refundedAmount]).toEqual([
      r.refundAmount,
      r.refundAmount,
    ]);
    const mail = await t.lastEmailTo(d.buyer.user.email, { subject: /^Refund of/ });
    expect(mail.text).toContain("UTR123456");
    expect(mail.text).toContain("XXXXXX9012");
  });
});

describe("the buyer's cancel and escalation", () => {
  it("cancels before approval and gets the units back to ask again; not after approval", async () => {
    const d = await delivered({ lines: [[40_000, 1]] });
    const r = await ask(d, [{ i: 0, qty: 1 }]);
    const cancelled = await cancelReturn(t.deps, d.buyer.actor, { id: r.id });
    expect(cancelled.status).toBe("cancelled");
    const again = await ask(d, [{ i: 0, qty: 1 }]);
    await approveReturn(t.deps, d.shop.actor, { id: again.id });
    const e = await rejects(cancelReturn(t.deps, d.buyer.actor, { id: again.id }));
    expect([e.code, e.reason, e.details?.allowed]).toEqual([
      "INVALID_STATE",
      "return.invalid_transition",
      [],
    ]);
  });

  it("escalates a rejection within 48 hours, once; Bazaar's rejection is final", async () => {
    const d = await delivered({ lines: [[40_000, 2]] });
    const r = await ask(d, [{ i: 0, qty: 2, reason: "not_as_described" }]);
    await expect(rejectReturn(t.deps, d.shop.actor, { id: r.id, reason: "" })).rejects.toThrow(
      /reason of at least 3/,
    );
    await rejectReturn(t.deps, d.shop.actor, { id: r.id, reason: "Used and washed" });
    const seen = await getMyReturn(t.deps, d.buyer.actor, { id: r.id });
    expect(seen.actions).toEqual(["escalate"]);
    expect(seen.escalateUntil!.getTime()).toBe(seen.rejectedAt!.getTime() + 48 * 3_600_000);
    expect((await t.lastEmailTo(d.buyer.user.email, { subject: /rejected/ })).text).toContain(
      "Used and washed",
    );

    const escalated = await escalateReturn(t.deps, d.buyer.actor, { id: r.id, note: "It came torn" });
    expect(escalated.status).toBe("escalated");
    expect((await t.lastEmailTo(d.shop.contactEmail, { subject: /escalated/ })).text).toContain(
      "It came torn",
    );
    expect(
      (await adminListReturns(t.deps, admin, { escalated: true, sellerId: d.shop.id })).items.map(
        (x) => x.id,
      ),
    ).toEqual([r.id]);

    const decided = await decideReturn(t.deps, admin, {
      id: r.id,
      decision: "reject",
      note: "Photos show wear",
    });
    expect(decided.status).toBe("rejected");
    const final = await rejects(
      escalateReturn(t.deps, d.buyer.actor, { id: r.id, note: "Please look again" }),
    );
    expect([final.code, final.reason]).toEqual(["INVALID_STATE", "return.already_escalated"]);
    const audited = await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, r.id));
    expect(audited.map((a) => a.action)).toContain("return.rejected_on_escalation");
  });

  it("refuses an escalation after 48 hours, and an admin may approve an escalation instead", async () => {
    const d = await delivered({ lines: [[40_000, 2]] });
    const late = await ask(d, [{ i: 0, qty: 1 }]);
    await rejectReturn(t.deps, d.shop.actor, { id: late.id, reason: "Outside policy" });
    await t.deps.db
      .update(returns)
      .set({ rejectedAt: new Date(t.deps.now().getTime() - 48 * 3_600_000) })
      .where(eq(returns.id, late.id));
    const e = await rejects(escalateReturn(t.deps, d.buyer.actor, { id: late.id, note: "Too late?" }));
    expect([e.code, e.reason]).toEqual(["INVALID_STATE", "return.escalation_closed"]);

    const r = await ask(d, [{ i: 0, qty: 1 }]);
    await rejectReturn(t.deps, d.shop.actor, { id: r.id, reason: "Nope" });
    await escalateReturn(t.deps, d.buyer.actor, { id: r.id, note: "It is broken" });
    const approved = await decideReturn(t.deps, admin, {
      id: r.id,
      decision: "approve",
      note: "Seller must take it",
    });
    expect(approved.status).toBe("approved");
    expect((await t.lastEmailTo(d.shop.contactEmail, { subject: /Bazaar approved/ })).text).toContain(
      "Seller must take it",
    );
    expect((await receiveAll(d, r.id)).status).toBe("received");
  });

  it("refuses an escalation whose units a newer request took meanwhile", async () => {
    const d = await delivered({ lines: [[40_000, 1]] });
    const r = await ask(d, [{ i: 0, qty: 1 }]);
    await rejectReturn(t.deps, d.shop.actor, { id: r.id, reason: "Need photos" });
    await ask(d, [{ i: 0, qty: 1 }]);
    const e = await rejects(escalateReturn(t.deps, d.buyer.actor, { id: r.id, note: "Look again" }));
    expect([e.code, e.reason]).toEqual(["CONFLICT", "return.units_taken"]);
  });
});

describe("the state machine", () => {
  it("answers an illegal move with the moves allowed", async () => {
    const d = await delivered();
    const r = await ask(d, [{ i: 0, qty: 1 }]);
    const e = await rejects(receiveAll(d, r.id));
    expect([e.code, e.reason, e.details?.allowed, e.details?.allowedActions]).toEqual([
      "INVALID_STATE",
      "return.invalid_transition",
      ["approved", "rejected"],
      ["approve", "reject"],
    ]);
    const decide = await rejects(
      decideReturn(t.deps, admin, { id: r.id, decision: "approve", note: "skip the seller" }),
    );
    expect([decide.reason, decide.details?.allowed]).toEqual(["return.invalid_transition", []]);
  });

  it("keeps another shop's and another buyer's returns out of reach", async () => {
    const d = await delivered();
    const r = await ask(d, [{ i: 0, qty: 1 }]);
    const other = await fx.shop("Other shop");
    // Thunks, each started when awaited: calls started together would reject before the loop
    // reaches them, and Node reports those rejections as unhandled.
    for (const call of [
      () => getSellerReturn(t.deps, other.actor, { id: r.id }),
      () => approveReturn(t.deps, other.actor, { id: r.id }),
      () => rejectReturn(t.deps, other.actor, { id: r.id, reason: "Not mine" }),
      () =>
        receiveReturn(t.deps, other.actor, {
          id: r.id,
          lines: [{ orderItemId: d.items[0]!.id, restock: true }],
        }),
    ]) {
      const e = await rejects(call());
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "return.not_found"]);
    }
    const stranger = await fx.customer();
    for (const call of [
      () => getMyReturn(t.deps, stranger.actor, { id: r.id }),
      () => cancelReturn(t.deps, stranger.actor, { id: r.id }),
      () => escalateReturn(t.deps, stranger.actor, { id: r.id, note: "Not mine" }),
    ]) {
      const e = await rejects(call());
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "return.not_found"]);
    }
    expect((await listSellerReturns(t.deps, other.actor, {})).items).toEqual([]);
    expect((await getMyReturn(t.deps, d.buyer.actor, { id: r.id })).status).toBe("requested");
  });
});

describe("receipt, restock and refund", () => {
  it("restocks the chosen lines through the inventory log", async () => {
    const d = await delivered({
      lines: [
        [40_000, 2],
        [30_000, 1],
      ],
    });
    const stock = [await fx.stockOf(d.variants[0]!.id), await fx.stockOf(d.variants[1]!.id)];
    const r = await ask(d);
    await approveReturn(t.deps, d.shop.actor, { id: r.id });
    const missing = await rejects(
      receiveReturn(t.deps, d.shop.actor, {
        id: r.id,
        lines: [{ orderItemId: d.items[0]!.id, restock: true }],
      }),
    );
    expect([missing.code, missing.reason]).toEqual(["VALIDATION", "return.restock_choice_missing"]);
    await receiveReturn(t.deps, d.shop.actor, {
      id: r.id,
      lines: [
        { orderItemId: d.items[0]!.id, restock: true },
        { orderItemId: d.items[1]!.id, restock: false },
      ],
    });
    expect([await fx.stockOf(d.variants[0]!.id), await fx.stockOf(d.variants[1]!.id)]).toEqual([
      stock[0]! + 2,
      stock[1],
    ]);
    const log = await t.deps.db
      .select()
      .from(inventoryMovements)
      .where(eq(inventoryMovements.reason, `return:${r.number}`));
    expect(log.map((m) => [m.variantId, m.delta])).toEqual([[d.variants[0]!.id, 2]]);
    expect((await t.lastEmailTo(d.buyer.user.email, { subject: /received/ })).text).toContain(
      "is on its way",
    );
  });

  it("refunds an online order once through the refund job, even when approvals, receipts and jobs race", async () => {
    const d = await delivered({ method: "razorpay", lines: [[40_000, 3]] });
    const r = await ask(d, [{ i: 0, qty: 2, reason: "size_fit" }]);
    const approvals = await Promise.allSettled([
      approveReturn(t.deps, d.shop.actor, { id: r.id }),
      approveReturn(t.deps, d.shop.actor, { id: r.id }),
    ]);
    expect(approvals.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const lines = [{ orderItemId: d.items[0]!.id, restock: true }];
    const receipts = await Promise.allSettled([
      receiveReturn(t.deps, d.shop.actor, { id: r.id, lines }),
      receiveReturn(t.deps, d.shop.actor, { id: r.id, lines }),
    ]);
    expect(receipts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const booked = await t.deps.db.select().from(refunds).where(eq(refunds.returnId, r.id));
    expect(booked.map((b) => [b.amount, b.idempotencyKey])).toEqual([[r.refundAmount, `r-${r.id}`]]);
    await t.drain();
    expect(await processRefund(t.deps, booked[0]!.id)).toBe("already_processed");
    const after = await getMyReturn(t.deps, d.buyer.actor, { id: r.id });
    expect([after.status, after.refundStatus]).toEqual(["refunded", "paid"]);
    expect(after.timeline.map((e) => e.to)).toEqual([
      "return.requested",
      "return.approved",
      "return.received",
      "return.refunded",
    ]);
    const order = await getMyOrder(t.deps, d.buyer.actor, { orderId: d.order.id });
    expect([order.paymentStatus, order.refundedAmount]).toEqual(["partially_refunded", r.refundAmount]);
    // Two of three units of a line worth 120,000 (no coupon): two thirds exactly.
    expect(r.refundAmount).toBe(80_000);
    const mails = (await t.emailsTo(d.buyer.user.email)).filter((m) => /^Refund of/.test(m.subject));
    expect(mails.map((m) => m.subject)).toEqual([`Refund of Rs. 800.00 for return ${r.number}`]);
  });

  it("refunds what was paid net of the coupon, and the shipping only for a whole sub-order back for the seller's fault", async () => {
    const faulty = await delivered({
      lines: [
        [10_000, 3],
        [7_000, 1],
      ],
      couponBps: 1000,
    });
    expect(faulty.sub.shipping).toBeGreaterThan(0);
    const first = await ask(faulty, [{ i: 0, qty: 1, reason: "wrong_item" }]);
    const rest = await ask(faulty, [
      { i: 0, qty: 2, reason: "wrong_item" },
      { i: 1, qty: 1, reason: "damaged" },
    ]);
    expect(first.refundAmount + rest.refundAmount).toBe(faulty.sub.total);
    expect(rest.shippingAmount).toBe(faulty.sub.shipping);
    expect(first.lines[0]!.amount + rest.lines[0]!.amount).toBe(faulty.items[0]!.lineTotal);

    const changed = await delivered({ lines: [[10_000, 2]], couponBps: 1000 });
    const all = await ask(changed, [{ i: 0, qty: 2, reason: "no_longer_needed" }]);
    expect([all.shippingAmount, all.refundAmount]).toEqual([0, changed.items[0]!.lineTotal]);
  });
});

describe("refunds never pass what was paid (property, real checkout)", () => {
  const REASONS: ReturnReason[] = [
    "damaged",
    "defective",
    "wrong_item",
    "not_as_described",
    "size_fit",
    "no_longer_needed",
  ];
  it("per line and per sub-order, over random carts with coupons and partial returns; everything back refunds the total", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1_000, max: 90_000 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom(0, 0, 750, 1000, 3333),
        fc.array(
          fc.record({
            line: fc.nat(),
            units: fc.integer({ min: 1, max: 4 }),
            reason: fc.constantFrom(...REASONS),
            fate: fc.constantFrom("receive", "cancel", "reject"),
          }),
          { maxLength: 4 },
        ),
        async (lines, couponBps, steps) => {
          const d = await delivered({ lines, couponBps });
          const paidFor = async () =>
            t.deps.db.select().from(orderItems).where(eq(orderItems.subOrderId, d.sub.id));
          const booked = async () =>
            (await t.deps.db.select().from(returns).where(eq(returns.subOrderId, d.sub.id)))
              .filter((r) => r.status === "received" || r.status === "refunded")
              .reduce((a, r) => a + r.itemsAmount + r.shippingAmount, 0);
          for (const step of steps) {
            const items = await paidFor();
            const item = items[step.line % items.length]!;
            const units = Math.min(step.units, item.qty - item.returnedQty);
            if (units === 0) continue;
            const i = d.items.findIndex((x) => x.id === item.id);
            const r = await ask(d, [{ i, qty: units, reason: step.reason }]);
            if (step.fate === "cancel") await cancelReturn(t.deps, d.buyer.actor, { id: r.id });
            else if (step.fate === "reject")
              await rejectReturn(t.deps, d.shop.actor, { id: r.id, reason: "Not this time" });
            else {
              await approveReturn(t.deps, d.shop.actor, { id: r.id });
              await receiveAll(d, r.id, false);
            }
            for (const x of await paidFor()) expect(x.refundedAmount).toBeLessThanOrEqual(x.lineTotal);
            expect(await booked()).toBeLessThanOrEqual(d.sub.total);
          }
          // Everything still here comes back, damaged.
          const left = (await paidFor())
            .filter((x) => x.returnedQty < x.qty)
            .map((x) => ({ i: d.items.findIndex((y) => y.id === x.id), qty: x.qty - x.returnedQty }));
          let last: Awaited<ReturnType<typeof ask>> | undefined;
          if (left.length) {
            last = await ask(d, left);
            await approveReturn(t.deps, d.shop.actor, { id: last.id });
            await receiveAll(d, last.id, false);
          }
          const final = await paidFor();
          for (const x of final) expect(x.refundedAmount).toBe(x.lineTotal);
          const lineTotals = final.reduce((a, x) => a + x.lineTotal, 0);
          const total = await booked();
          expect([d.sub.shipping + lineTotals]).toEqual([d.sub.total]);
          if (last) expect(total).toBe(d.sub.total);
          else expect([lineTotals, d.sub.total]).toContain(total);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});
