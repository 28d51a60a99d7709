import { randomUUID } from "node:crypto";
import { auditLog, ledgerEntries, sellers, subOrders } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweep } from "../sweep";
import { createTestContext, rejects, type TestContext } from "../testing";
import { moneyFixture } from "../testing/money-fixture";
import { adjustBalance } from "./adjust-balance";
import { getMyBalances } from "./get-balances";
import { buildStatement, getMyStatement } from "./get-statement";
import { listMyLedger } from "./list-ledger";
import { postDelivery } from "./post-delivery";
import { releaseFunds } from "./release-funds";
import { statementCsv, statementPdf } from "./render-statement";
import { setFinanceSettings } from "./set-finance-settings";

let t: TestContext;
let m: ReturnType<typeof moneyFixture>;
const admin = { userId: "", role: "admin" as const, sessionId: randomUUID() };
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestContext();
  m = moneyFixture(t);
  admin.userId = (await m.customer()).user.id;
});
afterAll(() => t.close());

const newShop = () => m.shop(`Shop ${randomUUID().slice(0, 6)}`);
const subRow = async (id: string) =>
  (await t.deps.db.select().from(subOrders).where(eq(subOrders.id, id)))[0]!;
const istMonth = (d: Date) => new Date(d.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 7);

describe("posting a delivery", () => {
  it("credits the sale to pending and debits commission, the gateway fee with GST and TCS, until the window closes", async () => {
    const shop = await newShop();
    const d = await m.delivered(shop, { method: "razorpay" });
    const sub = await subRow(d.sub.id);
    const fee = Math.floor((sub.total * 200 + 5_000) / 10_000);
    const feeGst = Math.floor((fee * 1_800 + 5_000) / 10_000);
    const tcs = Math.floor(((sub.total - sub.gstIncluded) * 100 + 5_000) / 10_000);
    const commission = Math.floor((sub.total * sub.commissionBps + 5_000) / 10_000);
    expect(await m.entriesOf(d.sub.id)).toEqual([
      { kind: "sale", bucket: "pending", amount: sub.total },
      { kind: "commission", bucket: "pending", amount: -commission },
      { kind: "gateway_fee", bucket: "pending", amount: -(fee + feeGst) },
      { kind: "tcs", bucket: "pending", amount: -tcs },
    ]);
    const net = sub.total - commission - fee - feeGst - tcs;
    const b = await getMyBalances(t.deps, shop.actor);
    expect([b.pending, b.available, b.lifetimeSales, b.withdrawable]).toEqual([net, 0, sub.total, 0]);
    // Released 7 days (the platform's window) after delivery.
    expect(sub.fundsReleaseAt!.getTime() - sub.deliveredAt!.getTime()).toBe(7 * DAY);
    expect(b.releases).toEqual([
      {
        subOrderId: d.sub.id,
        subOrderNumber: sub.number,
        amount: net,
        deliveredAt: sub.deliveredAt,
        releaseAt: sub.fundsReleaseAt,
      },
    ]);
  });

  it("takes no gateway fee on cash on delivery, and follows the finance settings of the moment", async () => {
    const shop = await newShop();
    await setFinanceSettings(t.deps, admin, { tcsBps: 100 });
    const d = await m.delivered(shop, { method: "cod" });
    expect((await m.entriesOf(d.sub.id)).map((e) => e.kind)).toEqual(["sale", "commission", "tcs"]);
    const [a] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "settings.finance_set"));
    expect(a?.actorId).toBe(admin.userId);
  });

  it("posts a delivery once, however often it is posted, and releases it once", async () => {
    const shop = await newShop();
    const d = await m.delivered(shop);
    const before = await m.books(shop.id);
    await t.deps.db.transaction((tx) => postDelivery(tx, { subOrderId: d.sub.id, at: t.deps.now() }));
    await t.deps.db.transaction((tx) => postDelivery(tx, { subOrderId: d.sub.id, at: t.deps.now() }));
    expect(await m.books(shop.id)).toEqual(before);
    expect(await m.entriesOf(d.sub.id)).toHaveLength(3);

    // Not due yet: the job does nothing (and the sweep would leave it).
    expect(await releaseFunds(t.deps, d.sub.id)).toBe(false);
    t.advance(7 * DAY + 1);
    const [first, second] = await Promise.all([
      releaseFunds(t.deps, d.sub.id),
      releaseFunds(t.deps, d.sub.id),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await releaseFunds(t.deps, d.sub.id)).toBe(false);
    const after = await m.books(shop.id);
    expect(after.balance).toEqual(after.entries);
    expect([after.balance.pending, after.balance.available]).toEqual([0, before.balance.pending]);
    expect((await m.entriesOf(d.sub.id)).filter((e) => e.kind === "release")).toEqual([
      { kind: "release", bucket: "pending", amount: -before.balance.pending },
      { kind: "release", bucket: "available", amount: before.balance.pending },
    ]);
  });
});

describe("release", () => {
  it("happens by its job when the window closes (at once for a shop that takes no returns)", async () => {
    const shop = await newShop();
    await t.deps.db.update(sellers).set({ returnWindowDays: 0 }).where(eq(sellers.id, shop.id));
    const d = await m.delivered(shop);
    await t.drain();
    const sub = await subRow(d.sub.id);
    expect(sub.fundsReleasedAt).not.toBeNull();
    const b = await getMyBalances(t.deps, shop.actor);
    expect(b.pending).toBe(0);
    expect(b.available).toBeGreaterThan(0);
    expect(b.releases).toEqual([]);
  });

  it("is caught by the sweep when the job was lost", async () => {
    const shop = await newShop();
    const d = await m.delivered(shop);
    t.advance(7 * DAY + t.deps.sweepGraceMs + 1);
    const report = await sweep(t.deps);
    expect(report.releasedFunds).toBeGreaterThanOrEqual(1);
    expect((await subRow(d.sub.id)).fundsReleasedAt).not.toBeNull();
    const b = await m.books(shop.id);
    expect(b.balance).toEqual(b.entries);
    expect(b.balance.pending).toBe(0);
  });
});

describe("returns", () => {
  it("claw back from pending before release, giving back commission and TCS in proportion (the gateway keeps its fee)", async () => {
    const shop = await newShop();
    const d = await m.delivered(shop, { qty: 2, method: "razorpay" });
    const sub = await subRow(d.sub.id);
    await m.returned(shop, d, 1);
    const entries = await m.entriesOf(d.sub.id);
    const taken = (k: string) => -entries.find((e) => e.kind === k && e.amount < 0)!.amount;
    const refunded = -entries.find((e) => e.kind === "return")!.amount;
    expect(refunded).toBe(sub.total / 2);
    expect(entries.filter((e) => e.amount > 0 && e.kind !== "sale")).toEqual([
      { kind: "commission", bucket: "pending", amount: Math.round(taken("commission") / 2) },
      { kind: "tcs", bucket: "pending", amount: Math.round(taken("tcs") / 2) },
    ]);
    expect(entries.filter((e) => e.kind === "gateway_fee")).toHaveLength(1);
    const b = await m.books(shop.id);
    expect(b.balance).toEqual(b.entries);
  });

  it("claw back from available once released, which may go negative and is carried", async () => {
    const shop = await newShop();
    await t.deps.db.update(sellers).set({ returnWindowDays: 0 }).where(eq(sellers.id, shop.id));
    const d = await m.delivered(shop, { qty: 1 });
    await t.drain();
    // A return can still come (an escalation decided late); the shop's window is reopened to ask it.
    await t.deps.db.update(sellers).set({ returnWindowDays: 7 }).where(eq(sellers.id, shop.id));
    await m.returned(shop, d, 1);
    const b = await getMyBalances(t.deps, shop.actor);
    // Everything was refunded; commission and TCS came back, the gateway fee (none: COD) too.
    expect([b.pending, b.available]).toEqual([0, 0]);
    const back = (await m.entriesOf(d.sub.id)).filter((e) => e.kind === "return");
    expect(back).toEqual([{ kind: "return", bucket: "available", amount: -(await subRow(d.sub.id)).total }]);
    await adjustBalance(t.deps, admin, {
      sellerId: shop.id,
      direction: "debit",
      amount: 5_000,
      reason: "Courier damage",
    });
    expect((await getMyBalances(t.deps, shop.actor)).available).toBe(-5_000);
    const books = await m.books(shop.id);
    expect(books.balance).toEqual(books.entries);
  });
});

describe("adjustments", () => {
  it("credit or debit available with a reason the seller reads, audited, once per request key", async () => {
    const shop = await newShop();
    const key = randomUUID();
    const input = {
      sellerId: shop.id,
      direction: "credit" as const,
      amount: 12_345,
      reason: "Goodwill for a lost parcel",
      requestKey: key,
    };
    const [a, b] = await Promise.all([
      adjustBalance(t.deps, admin, input),
      adjustBalance(t.deps, admin, input),
    ]);
    expect(a.id).toBe(b.id);
    expect((await getMyBalances(t.deps, shop.actor)).available).toBe(12_345);
    const page = await listMyLedger(t.deps, shop.actor, { kind: "adjustment" });
    expect(page.items.map((e) => [e.amount, e.description])).toEqual([
      [12_345, "Adjustment by Bazaar: Goodwill for a lost parcel"],
    ]);
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "ledger.adjusted"), eq(auditLog.targetId, shop.id)));
    expect(audits).toHaveLength(1);
    const err = await rejects(
      adjustBalance(t.deps, admin, { ...input, sellerId: randomUUID(), requestKey: undefined }),
    );
    expect([err.code, err.reason]).toEqual(["NOT_FOUND", "seller.not_found"]);
  });
});

describe("reads", () => {
  it("list the seller's own ledger newest first, by kind, bucket and dates, a page at a time", async () => {
    const shop = await newShop();
    const other = await newShop();
    await m.delivered(shop);
    await m.delivered(other);
    const all = await listMyLedger(t.deps, shop.actor, { limit: 2 });
    expect(all.items).toHaveLength(2);
    const rest = await listMyLedger(t.deps, shop.actor, { limit: 2, cursor: all.nextCursor! });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...all.items, ...rest.items].map((e) => e.kind))).toEqual(
      new Set(["sale", "commission", "tcs"]),
    );
    // Never another shop's entries.
    const ids = new Set([...all.items, ...rest.items].map((e) => e.subOrderId));
    expect(ids.size).toBe(1);
    const sales = await listMyLedger(t.deps, shop.actor, { kind: "sale", bucket: "pending" });
    expect(sales.items.map((e) => e.kind)).toEqual(["sale"]);
    const future = await listMyLedger(t.deps, shop.actor, { from: new Date(t.deps.now().getTime() + DAY) });
    expect(future.items).toEqual([]);
    const bad = await rejects(listMyLedger(t.deps, shop.actor, { cursor: "bm90LWEtY3Vyc29y" }));
    expect([bad.code, bad.reason]).toEqual(["VALIDATION", "pagination.bad_cursor"]);
  });
});

describe("statements", () => {
  it("reconcile: opening + credits − debits = closing = the buckets at the month's end, and next month opens there", async () => {
    const shop = await newShop();
    const d = await m.delivered(shop, { qty: 3, method: "razorpay" });
    await m.returned(shop, d, 1);
    await adjustBalance(t.deps, admin, {
      sellerId: shop.id,
      direction: "credit",
      amount: 777,
      reason: "Rounding goodwill",
    });
    const month = istMonth(t.deps.now());
    const s = await getMyStatement(t.deps, shop.actor, { month });
    expect(s.opening + s.credits - s.debits).toBe(s.closing);
    expect(s.closing).toBe(s.closingBuckets.pending + s.closingBuckets.available + s.closingBuckets.inPayout);
    const b = await getMyBalances(t.deps, shop.actor);
    expect(s.closing).toBe(b.pending + b.available + b.inPayout);
    expect(s.lines.at(-1)!.balance).toBe(s.closing);
    expect(s.byKind.find((k) => k.kind === "sale")!.credits).toBe((await subRow(d.sub.id)).total);
    const [y, mo] = month.split("-").map(Number) as [number, number];
    const next = `${mo === 12 ? y + 1 : y}-${String((mo % 12) + 1).padStart(2, "0")}`;
    const n = await buildStatement(t.deps.db, shop.id, next);
    expect([n.opening, n.lines.length]).toEqual([s.closing, 0]);

    const csv = statementCsv(s);
    expect(csv.split("\r\n")[0]).toContain("Statement");
    expect(csv).toContain(`Closing balance,,${(s.closing / 100).toFixed(2)}`);
    const pdf = await statementPdf(s);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("take months in India time: an entry at 20:00 UTC on the last day belongs to the next month", async () => {
    const shop = await newShop();
    await adjustBalance(t.deps, admin, {
      sellerId: shop.id,
      direction: "credit",
      amount: 100,
      reason: "Boundary check",
    });
    const [e] = await t.deps.db.select().from(ledgerEntries).where(eq(ledgerEntries.sellerId, shop.id));
    const month = istMonth(e!.createdAt);
    const s = await buildStatement(t.deps.db, shop.id, month);
    expect(s.from.toISOString().slice(11)).toBe("18:30:00.000Z");
    expect(s.lines.map((l) => l.credit)).toEqual([100]);
  });
});
