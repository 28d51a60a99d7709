import { randomUUID } from "node:crypto";
import { auditLog, payouts, sellers } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustBalance, getMyBalances, getMyStatement, setFinanceSettings } from "../ledger";
import { encryptBankAccount } from "../sellers";
import { createTestContext, rejects, type TestContext } from "../testing";
import { moneyFixture } from "../testing/money-fixture";
import { approvePayout } from "./approve-payout";
import { exportPayouts } from "./export-payouts";
import { adminGetPayout, getMyPayout } from "./get-payout";
import { adminListPayouts, listMyPayouts } from "./list-payouts";
import { markPayoutPaid } from "./mark-payout-paid";
import { rejectPayout } from "./reject-payout";
import { requestPayout } from "./request-payout";

let t: TestContext;
let m: ReturnType<typeof moneyFixture>;
const admin = { userId: "", role: "admin" as const, sessionId: randomUUID() };

beforeAll(async () => {
  t = await createTestContext();
  m = moneyFixture(t);
  admin.userId = (await m.customer()).user.id;
});
afterAll(() => t.close());

/** A shop with `available` paise to withdraw (credited by an admin) and a real encrypted account. */
async function funded(available = 100_000) {
  const shop = await m.shop(`Shop ${randomUUID().slice(0, 6)}`);
  await t.deps.db
    .update(sellers)
    .set({ bankAccountEncrypted: encryptBankAccount(t.deps, "001234567890"), bankAccountLast4: "7890" })
    .where(eq(sellers.id, shop.id));
  await adjustBalance(t.deps, admin, {
    sellerId: shop.id,
    direction: "credit",
    amount: available,
    reason: "Opening funds",
  });
  return shop;
}

describe("requesting a payout", () => {
  it("moves the amount from available to in payout, freezes the bank details and emails the seller", async () => {
    const shop = await funded(100_000);
    const p = await requestPayout(t.deps, shop.actor, { amount: 60_000 });
    expect([p.status, p.amount, p.bank]).toEqual([
      "requested",
      60_000,
      { holder: shop.shopName, ifsc: "HDFC0001234", accountMasked: "XXXXXX7890" },
    ]);
    expect(p.number).toMatch(/^PO-\d{8}-[0-9A-Z]{6}$/);
    const b = await getMyBalances(t.deps, shop.actor);
    expect([b.available, b.inPayout, b.withdrawable, b.openPayoutId]).toEqual([40_000, 60_000, 0, p.id]);
    const mail = await t.lastEmailTo(shop.contactEmail, { subject: /requested/ });
    expect(mail.text).toContain("Rs. 600.00");
    expect(mail.text).toContain("7890");
  });

  it("refuses below the minimum, above the available balance, and while another is open", async () => {
    const shop = await funded(100_000);
    const low = await rejects(requestPayout(t.deps, shop.actor, { amount: 49_999 }));
    expect([low.code, low.reason, low.details?.fieldErrors]).toEqual([
      "VALIDATION",
      "payout.below_minimum",
      { amount: ["The smallest payout is ₹500"] },
    ]);
    const high = await rejects(requestPayout(t.deps, shop.actor, { amount: 100_001 }));
    expect([high.code, high.reason, high.details?.available]).toEqual([
      "INVALID_STATE",
      "payout.insufficient_balance",
      100_000,
    ]);
    await requestPayout(t.deps, shop.actor, { amount: 50_000 });
    const second = await rejects(requestPayout(t.deps, shop.actor, { amount: 50_000 }));
    expect([second.code, second.reason]).toEqual(["INVALID_STATE", "payout.open_exists"]);
  });

  it("never overdraws when requests race: one is taken, the others refused, the money adds up", async () => {
    const shop = await funded(100_000);
    const results = await Promise.allSettled(
      [80_000, 70_000, 60_000, 100_000].map((amount) => requestPayout(t.deps, shop.actor, { amount })),
    );
    const taken = results.filter((r) => r.status === "fulfilled");
    expect(taken).toHaveLength(1);
    const reasons = results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) => r.reason.reason);
    expect(new Set(reasons)).toEqual(new Set(["payout.open_exists"]));
    const amount = (taken[0] as PromiseFulfilledResult<{ amount: number }>).value.amount;
    const b = await m.books(shop.id);
    expect(b.balance).toEqual(b.entries);
    expect([b.balance.available, b.balance.inPayout]).toEqual([100_000 - amount, amount]);
    const open = await t.deps.db.select().from(payouts).where(eq(payouts.sellerId, shop.id));
    expect(open).toHaveLength(1);
  });

  it("follows the minimum in the finance settings", async () => {
    const shop = await funded(30_000);
    await setFinanceSettings(t.deps, admin, { minPayout: 20_000 });
    try {
      expect((await requestPayout(t.deps, shop.actor, { amount: 25_000 })).status).toBe("requested");
    } finally {
      await setFinanceSettings(t.deps, admin, { minPayout: 50_000 });
    }
  });
});

describe("deciding a payout", () => {
  it("approved, then paid with a UTR: in payout becomes paid out, once; the seller hears of each step", async () => {
    const shop = await funded(100_000);
    const p = await requestPayout(t.deps, shop.actor, { amount: 100_000 });
    const early = await rejects(markPayoutPaid(t.deps, admin, { id: p.id, utr: "HDFCN52026120712" }));
    expect([early.code, early.reason]).toEqual(["INVALID_STATE", "payout.not_approved"]);
    expect((await approvePayout(t.deps, admin, { id: p.id })).status).toBe("approved");
    const again = await rejects(approvePayout(t.deps, admin, { id: p.id }));
    expect([again.code, again.reason]).toEqual(["INVALID_STATE", "payout.not_requested"]);
    const [a, b] = await Promise.all([
      markPayoutPaid(t.deps, admin, { id: p.id, utr: "hdfcn52026120712" }),
      markPayoutPaid(t.deps, admin, { id: p.id, utr: "HDFCN52026120712" }),
    ]);
    expect([a.status, a.utr, b.utr]).toEqual(["paid", "HDFCN52026120712", "HDFCN52026120712"]);
    const other = await rejects(markPayoutPaid(t.deps, admin, { id: p.id, utr: "OTHERUTR000001" }));
    expect([other.code, other.reason]).toEqual(["INVALID_STATE", "payout.not_payable"]);
    const books = await m.books(shop.id);
    expect(books.balance).toEqual(books.entries);
    expect([books.balance.available, books.balance.inPayout, books.balance.paidOut]).toEqual([0, 0, 100_000]);
    expect((await t.lastEmailTo(shop.contactEmail, { subject: /sent/ })).text).toContain("HDFCN52026120712");
    await t.lastEmailTo(shop.contactEmail, { subject: /approved/ });
    const audits = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "payout"), eq(auditLog.targetId, p.id)));
    expect(audits.map((x) => x.action).sort()).toEqual([
      "payout.approved",
      "payout.paid",
      "payout.requested",
    ]);
    // A new request is possible once the open one is paid.
    await adjustBalance(t.deps, admin, {
      sellerId: shop.id,
      direction: "credit",
      amount: 50_000,
      reason: "More sales",
    });
    expect((await requestPayout(t.deps, shop.actor, { amount: 50_000 })).status).toBe("requested");
  });

  it("rejected with a reason: the money returns to available and the seller may ask again", async () => {
    const shop = await funded(70_000);
    const p = await requestPayout(t.deps, shop.actor, { amount: 70_000 });
    await approvePayout(t.deps, admin, { id: p.id });
    const r = await rejectPayout(t.deps, admin, { id: p.id, reason: "Account name does not match the PAN" });
    expect([r.status, r.rejectReason]).toEqual(["rejected", "Account name does not match the PAN"]);
    const b = await getMyBalances(t.deps, shop.actor);
    expect([b.available, b.inPayout, b.withdrawable]).toEqual([70_000, 0, 70_000]);
    const twice = await rejects(rejectPayout(t.deps, admin, { id: p.id, reason: "Again and again" }));
    expect([twice.code, twice.reason]).toEqual(["INVALID_STATE", "payout.not_open"]);
    expect((await t.lastEmailTo(shop.contactEmail, { subject: /not approved/ })).text).toContain("PAN");
    expect((await requestPayout(t.deps, shop.actor, { amount: 70_000 })).status).toBe("requested");
    // The statement holds the month together: a paid payout is a debit, holds and their return are not lines.
    const s = await getMyStatement(t.deps, shop.actor, {
      month: new Date(t.deps.now().getTime() + 5.5 * 3_600_000).toISOString().slice(0, 7),
    });
    expect(s.opening + s.credits - s.debits).toBe(s.closing);
    expect(s.closing).toBe(70_000);
    expect(s.closingBuckets).toEqual({ pending: 0, available: 0, inPayout: 70_000 });
  });
});

describe("reads and the bank file", () => {
  it("a seller reads only their own payouts; another's is not found", async () => {
    const a = await funded();
    const b = await funded();
    const pa = await requestPayout(t.deps, a.actor, { amount: 50_000 });
    expect((await getMyPayout(t.deps, a.actor, { id: pa.id })).id).toBe(pa.id);
    const err = await rejects(getMyPayout(t.deps, b.actor, { id: pa.id }));
    expect([err.code, err.reason]).toEqual(["NOT_FOUND", "payout.not_found"]);
    expect((await listMyPayouts(t.deps, b.actor, {})).items).toEqual([]);
    expect((await listMyPayouts(t.deps, a.actor, {})).items.map((p) => p.id)).toEqual([pa.id]);
    expect((await adminGetPayout(t.deps, admin, { id: pa.id })).shopName).toBe(a.shopName);
    const queue = await adminListPayouts(t.deps, admin, { status: "requested", sellerId: a.id });
    expect(queue.items.map((p) => p.id)).toEqual([pa.id]);
  });

  it("exports approved payouts with the full account for the bank, leaving out a shop whose account changed", async () => {
    const a = await funded(90_000);
    const b = await funded(80_000);
    const pa = await requestPayout(t.deps, a.actor, { amount: 90_000 });
    const pb = await requestPayout(t.deps, b.actor, { amount: 80_000 });
    await approvePayout(t.deps, admin, { id: pa.id });
    await approvePayout(t.deps, admin, { id: pb.id });
    await t.deps.db
      .update(sellers)
      .set({ shopName: "=cmd", bankAccountHolder: "=HYPERLINK(x)" })
      .where(eq(sellers.id, a.id));
    await t.deps.db.update(sellers).set({ bankAccountLast4: "0000" }).where(eq(sellers.id, b.id));
    const file = await exportPayouts(t.deps, admin, { ids: [pa.id, pb.id] });
    expect([file.count, file.total]).toEqual([1, 90_000]);
    expect(file.skipped.map((s) => s.id)).toEqual([pb.id]);
    const lines = file.csv.trim().split("\r\n");
    expect(lines[0]).toBe("Beneficiary Name,Account Number,IFSC,Amount (INR),Payment Reference,Narration");
    expect(lines[1]).toBe(
      `'=HYPERLINK(x),001234567890,HDFC0001234,900.00,${pa.number},Bazaar payout ${pa.number}`,
    );
    // Exporting moves nothing.
    expect((await adminGetPayout(t.deps, admin, { id: pa.id })).status).toBe("approved");
  });

  it("leaves out, with a reason, a payout whose bank account the key cannot open, and exports the rest", async () => {
    const a = await funded(60_000);
    const b = await funded(70_000);
    const pa = await requestPayout(t.deps, a.actor, { amount: 60_000 });
    const pb = await requestPayout(t.deps, b.actor, { amount: 70_000 });
    await approvePayout(t.deps, admin, { id: pa.id });
    await approvePayout(t.deps, admin, { id: pb.id });
    await t.deps.db
      .update(sellers)
      .set({ bankAccountEncrypted: "not-a-sealed-number" })
      .where(eq(sellers.id, b.id));
    const file = await exportPayouts(t.deps, admin, { ids: [pa.id, pb.id] });
    expect([file.count, file.total]).toEqual([1, 60_000]);
    expect(file.skipped).toEqual([
      { id: pb.id, number: pb.number, reason: expect.stringContaining("cannot be read") },
    ]);
  });
});
