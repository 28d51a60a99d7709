import { randomUUID } from "node:crypto";
import { askQuestion, createShopForSeed, createVerifiedUser } from "@bazaar/core";
import { createTestContext, orderFixture, type TestContext } from "@bazaar/core/testing";
import type { SellerApplyInput } from "@bazaar/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redact, targetOf } from "./audit-mutations";
import { createCaller } from "./root";
import { clientError, testHttp } from "./testing/http";
import { signInViaApi } from "./testing/sign-in";

/**
 * The audit log through the API: what a mutation writes (its use case's entry, or the
 * generic one when it wrote none), what it carries from the request, and the admin
 * viewer's filters, pages and diffs. `audit.test.ts` checks every mutation of the router.
 */

let t: TestContext;
const PASSWORD = "pass-word-1";
const IP = "203.0.113.9";

/** A caller as `token`, its calls stamped with a request id of the test's choosing. */
const api = (token: string | null, requestId: string = randomUUID(), ip = IP) =>
  createCaller({ deps: t.deps, http: testHttp({ accessToken: token, requestId, ip }) });

async function account(role: "customer" | "admin", name = "Someone") {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name, password: PASSWORD, role });
  const { accessToken } = await signInViaApi(t.deps, api(null), { email, password: PASSWORD });
  return { id: user.id, email, name, token: accessToken };
}

const shopInput = (shopName: string, contactEmail: string): SellerApplyInput => ({
  shopName,
  contactEmail,
  contactPhone: "9829012345",
  pickupAddress: {
    name: "Asha Meena",
    phone: "9829012345",
    line1: "1 Amer Road",
    city: "Jaipur",
    state: "Rajasthan",
    pincode: "302002",
  },
  bankAccount: { holder: "Asha Meena", number: "123456789012", ifsc: "SBIN0031234" },
});

/** An approved shop whose owner is signed in (role seller from then on). */
async function sellerAccount() {
  const owner = await account("customer", "Asha Meena");
  const { seller } = await createShopForSeed(t.deps, {
    userId: owner.id,
    status: "approved",
    ...shopInput(`Audit Shop ${randomUUID().slice(0, 6)}`, owner.email),
  });
  const { accessToken } = await signInViaApi(t.deps, api(null), { email: owner.email, password: PASSWORD });
  return { ...owner, token: accessToken, sellerId: seller.id };
}

const entriesOf = (requestId: string) =>
  t.deps.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.requestId, requestId) });

let admin: Awaited<ReturnType<typeof account>>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await account("admin", "Priya Admin");
});
afterAll(() => t?.close());

describe("what a mutation writes", () => {
  it("an admin decision: the use case's own entry with before/after, stamped with the request's id, address, actor and role; no generic one beside it", async () => {
    const seller = await sellerAccount();
    const requestId = randomUUID();
    await api(admin.token, requestId).admin.sellers.suspend({
      sellerId: seller.sellerId,
      reason: "Fake reviews",
    });

    const entries = await entriesOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      actorRole: "admin",
      action: "seller.suspend",
      targetType: "seller",
      targetId: seller.sellerId,
      requestId,
      ip: IP,
    });

    const shown = await api(admin.token).admin.audit.get({ id: entries[0]!.id });
    expect(shown).toMatchObject({
      actor: { id: admin.id, email: admin.email, name: "Priya Admin" },
      actorRole: "admin",
      changes: [{ key: "status", from: "approved", to: "suspended" }],
      details: { reason: "Fake reviews" },
    });
  });

  it("a seller mutation whose use case writes nothing: one generic entry, the procedure as action, the input's id as target", async () => {
    const seller = await sellerAccount();
    const { product } = await orderFixture(t).variant({ id: seller.sellerId }, 50_000, 3);
    const buyer = await account("customer", "Anita Rao");
    const question = await askQuestion(
      t.deps,
      { userId: buyer.id, role: "customer", sessionId: randomUUID() },
      { productId: product.id, body: "Is the colour fast?" },
    );
    const requestId = randomUUID();
    await api(seller.token, requestId).seller.questions.answer({
      questionId: question.id,
      body: "Yes, vat-dyed.",
    });

    const entries = await entriesOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: seller.id,
      actorRole: "seller",
      action: "seller.questions.answer",
      targetType: "question",
      targetId: question.id,
      ip: IP,
      data: { input: { questionId: question.id, body: "Yes, vat-dyed." } },
    });
  });

  it("a seller's stock move: the use case's entry with the level before and after", async () => {
    const seller = await sellerAccount();
    const { id: variantId } = await orderFixture(t).variant({ id: seller.sellerId }, 50_000, 3);
    const requestId = randomUUID();
    await api(seller.token, requestId).seller.products.adjustStock({
      variantId,
      delta: 2,
      reason: "Recount",
    });

    const [entry, ...more] = await entriesOf(requestId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "variant.stock_adjusted",
      targetId: variantId,
      actorRole: "seller",
    });
    expect(await api(admin.token).admin.audit.get({ id: entry!.id })).toMatchObject({
      changes: [{ key: "stock", from: 3, to: 5 }],
      details: { delta: 2, reason: "Recount" },
    });
  });

  it("a refused mutation writes nothing, and neither does a query", async () => {
    const failed = randomUUID();
    const error = await clientError(
      api(admin.token, failed).admin.sellers.approve({ sellerId: randomUUID() }),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND", reason: "seller.not_found" });
    expect(await entriesOf(failed)).toEqual([]);

    const read = randomUUID();
    await api(admin.token, read).admin.audit.list({});
    expect(await entriesOf(read)).toEqual([]);
  });

  it("keeps no secrets from a generic entry's input, and names its target from the input", () => {
    expect(
      redact({
        bankAccount: { holder: "A", number: "123456789012", ifsc: "SBIN0031234" },
        password: "pass-word-1",
        note: "x".repeat(600),
        lines: Array.from({ length: 60 }, (_, i) => i),
      }),
    ).toEqual({
      bankAccount: "[redacted]",
      password: "[redacted]",
      note: `${"x".repeat(500)}…`,
      lines: [...Array.from({ length: 50 }, (_, i) => i), "… 10 more"],
    });
    expect(targetOf("seller.products.update", { id: "p1" }, {})).toEqual({ type: "product", id: "p1" });
    expect(targetOf("admin.categories.delete", { id: "c1" }, {})).toEqual({ type: "category", id: "c1" });
    expect(targetOf("seller.orders.advance", { subOrderId: "s1", to: "packed" }, {})).toEqual({
      type: "sub_order",
      id: "s1",
    });
    expect(targetOf("seller.returns.setWindow", { returnWindowDays: 7 }, { sellerId: "shop" })).toEqual({
      type: "seller",
      id: "shop",
    });
    expect(targetOf("admin.payouts.export", {}, {})).toEqual({ type: "payout", id: null });
  });
});

describe("admin.audit.list", () => {
  it("filters by actor (id or email), action prefix, target and time; newest first, in pages; each with its diff", async () => {
    const other = await account("admin", "Ravi Admin");
    const shops = [await sellerAccount(), await sellerAccount(), await sellerAccount()];
    const from = new Date(Date.now() - 1000);
    for (const s of shops)
      await api(other.token).admin.sellers.setCommission({ sellerId: s.sellerId, commissionBps: 1500 });
    await api(other.token).admin.sellers.suspend({ sellerId: shops[0]!.sellerId, reason: "Late shipping" });
    await api(admin.token).admin.sellers.setCommission({ sellerId: shops[0]!.sellerId, commissionBps: 900 });

    const list = api(admin.token).admin.audit.list;
    const byRavi = await list({ actorEmail: other.email.toUpperCase(), limit: 3 });
    expect(byRavi.items.map((e) => e.action)).toEqual([
      "seller.suspend",
      "seller.commission_set",
      "seller.commission_set",
    ]);
    expect(byRavi.items.every((e) => e.actor?.email === other.email && e.actorRole === "admin")).toBe(true);
    const rest = await list({ actorEmail: other.email, limit: 3, cursor: byRavi.nextCursor! });
    expect(rest.items.map((e) => e.targetId)).toEqual([shops[0]!.sellerId]);
    expect(rest.nextCursor).toBeNull();
    expect((await list({ actorId: other.id })).items).toHaveLength(4);

    // One seller's history, as the admin app links to it from the seller's page.
    const history = await list({ targetType: "seller", targetId: shops[0]!.sellerId });
    expect(history.items.map((e) => [e.action, e.actor?.name])).toEqual([
      ["seller.commission_set", "Priya Admin"],
      ["seller.suspend", "Ravi Admin"],
      ["seller.commission_set", "Ravi Admin"],
    ]);
    expect(history.items[0]!.changes).toEqual([{ key: "commissionBps", from: 1500, to: 900 }]);

    const commissions = await list({ action: "seller.commission", actorId: other.id });
    expect(commissions.items).toHaveLength(3);
    expect((await list({ action: "seller.", actorId: other.id })).items).toHaveLength(4);
    // `_` in a prefix is itself, not a wildcard.
    expect((await list({ action: "seller_", actorId: other.id })).items).toHaveLength(0);

    expect((await list({ actorId: other.id, from })).items).toHaveLength(4);
    expect((await list({ actorId: other.id, to: from })).items).toHaveLength(0);
  });

  it("refuses what it cannot answer, naming the field", async () => {
    const list = api(admin.token).admin.audit.list;
    const backwards = await clientError(list({ from: new Date("2026-02-01"), to: new Date("2026-01-01") }));
    expect(backwards).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { to: ["From must be before To"] } });
    const wildcard = await clientError(list({ action: "seller.%" }));
    expect(wildcard.fieldErrors?.action?.[0]).toMatch(/letters, digits, dots and underscores/);
    const stale = await clientError(list({ cursor: "bm90LWEtY3Vyc29y" }));
    expect(stale).toMatchObject({ code: "BAD_REQUEST", reason: "pagination.bad_cursor" });
    const missing = await clientError(api(admin.token).admin.audit.get({ id: randomUUID() }));
    expect(missing).toMatchObject({ code: "NOT_FOUND", reason: "audit.not_found" });
  });
});
