import { randomUUID } from "node:crypto";
import {
  type Actor,
  adjustBalance,
  createApiKey,
  createWebhookEndpoint,
  defaultLimits,
  type Limits,
} from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { webhookOutbox } from "@bazaar/db";
import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "./root";
import { type AuthzWorld, buildAuthzWorld } from "./testing/authz-world";
import { testHttp } from "./testing/http";

/**
 * Every seller and admin mutation leaves an audit entry naming who (account and role),
 * what (action and target), and from where (request id and address). The list of
 * mutations comes from the router at run time: a mutation added without a row here fails,
 * and a row's successful call that writes no entry fails. A row is one valid input, made
 * fresh for the call (inputs follow the authorization matrix's).
 */

/** The mutations the audit log must cover: every `seller.*` and `admin.*` one, and the shop's own profile. */
const covered = (path: string) => /^(seller|admin)\./.test(path) || path === "sellers.updateProfile";

type Input = (w: AuthzWorld) => unknown;
const code = (prefix: string) => `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;
const adminActor = (w: AuthzWorld): Actor => ({
  userId: w.accounts.admin.userId,
  role: "admin",
  sessionId: randomUUID(),
});

/** A fresh webhook endpoint of seller A's (or the platform's), whose URL refuses at once. */
async function endpoint(w: AuthzWorld, platform = false) {
  const actor = platform ? adminActor(w) : w.seller.actor;
  const { endpoint } = await createWebhookEndpoint(w.t.deps, actor, {
    url: "https://127.0.0.1:1/audit",
    events: ["order.placed"],
  });
  return endpoint.id;
}
/** A delivered event on a fresh endpoint, to redeliver. */
async function webhookEvent(w: AuthzWorld, platform = false) {
  const [event] = await w.t.deps.db
    .insert(webhookOutbox)
    .values({
      webhookId: `msg_${randomUUID().replaceAll("-", "")}`,
      endpointId: await endpoint(w, platform),
      type: "order.placed",
      payload: { type: "order.placed", timestamp: new Date().toISOString(), data: {} },
      status: "delivered",
      giveUpAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: webhookOutbox.id });
  return event!.id;
}
const webhookInput = { url: "https://127.0.0.1:1/audit", events: ["order.paid" as const] };

const ROWS: Record<string, Input> = {
  // -- seller API keys (#16): their own entries, api_key.created / api_key.revoked
  "seller.apiKeys.create": (w) => ({ name: w.unique("Audit ERP"), scopes: ["orders:read"] }),
  "seller.apiKeys.revoke": async (w) => ({
    id: (
      await createApiKey(w.t.deps, w.seller.actor, { name: w.unique("Audit old"), scopes: ["catalog:read"] })
    ).id,
  }),
  // -- outbound webhooks: a shop's endpoints and the platform's
  "seller.webhooks.create": () => webhookInput,
  "seller.webhooks.update": async (w) => ({ id: await endpoint(w), enabled: false }),
  "seller.webhooks.remove": async (w) => ({ id: await endpoint(w) }),
  "seller.webhooks.rotateSecret": async (w) => ({ id: await endpoint(w) }),
  "seller.webhooks.sendTest": async (w) => ({ id: await endpoint(w) }),
  "seller.webhooks.redeliver": async (w) => ({ eventId: await webhookEvent(w) }),
  "admin.webhooks.create": () => webhookInput,
  "admin.webhooks.update": async (w) => ({ id: await endpoint(w, true), events: ["order.paid"] }),
  "admin.webhooks.remove": async (w) => ({ id: await endpoint(w, true) }),
  "admin.webhooks.rotateSecret": async (w) => ({ id: await endpoint(w, true) }),
  "admin.webhooks.sendTest": async (w) => ({ id: await endpoint(w, true) }),
  "admin.webhooks.redeliver": async (w) => ({ eventId: await webhookEvent(w, true) }),
  // -- the seller's shop, catalogue, promotions, orders, returns, reviews, questions, money
  "sellers.updateProfile": (w) => ({ description: `Hand-made ${w.unique("d")}` }),
  "seller.products.create": (w) => ({
    title: w.unique("Audit new product"),
    categoryId: w.category.id,
    variants: [{ sku: w.unique("AUD"), price: 20_000, stock: 5 }],
    imageIds: [w.seller.imageMediaId],
  }),
  "seller.products.update": (w) => ({ id: w.seller.draft.id, description: `Stitched ${w.unique("s")}` }),
  "seller.products.submit": async (w) => ({ id: await w.fresh.product("draft") }),
  "seller.products.archive": async (w) => ({ id: await w.fresh.product("approved") }),
  "seller.products.restore": async (w) => ({ id: await w.fresh.product("archived") }),
  // A live product edited: its revision waits for review until the seller discards it.
  "seller.products.discardRevision": async (w) => {
    const id = await w.fresh.product("approved");
    await w.as("seller").seller.products.update({ id, description: "A revision to discard" });
    return { id };
  },
  "seller.products.setStock": (w) => ({
    variantId: w.seller.listed.variantId,
    stock: 41,
    reason: "Stock-take",
  }),
  "seller.products.adjustStock": (w) => ({
    variantId: w.seller.listed.variantId,
    delta: 1,
    reason: "Recount",
  }),
  "seller.orders.advance": async (w) => ({ subOrderId: (await w.fresh.order()).subOrderId, to: "packed" }),
  "seller.coupons.create": (w) => ({
    code: code("AUD"),
    kind: "percent",
    percentBps: 500,
    productIds: [w.seller.listed.id],
  }),
  "seller.coupons.update": (w) => ({ id: w.seller.couponId, description: `Ten off ${w.unique("c")}` }),
  "seller.coupons.setActive": (w) => ({ id: w.seller.couponId, active: true }),
  "seller.sales.create": (w) => ({
    name: "Audit weekend",
    ...w.seller.saleWindow(),
    items: [{ variantId: w.seller.onSale.variantId, salePrice: 35_000 }],
  }),
  "seller.sales.update": (w) => ({ id: w.seller.saleId, name: `Audit sale ${w.unique("n")}` }),
  "seller.sales.cancel": async (w) => ({ id: await w.fresh.sale() }),
  "seller.returns.approve": async (w) => ({ id: await w.fresh.returnRequest() }),
  "seller.returns.reject": async (w) => ({ id: await w.fresh.returnRequest(), reason: "Audit says no" }),
  "seller.returns.receive": async (w) => {
    const [id, orderItemId] = (await w.fresh.approvedReturn()).split("|") as [string, string];
    return { id, lines: [{ orderItemId, restock: true }] };
  },
  "seller.returns.setWindow": () => ({ returnWindowDays: 10 }),
  "seller.reviews.reply": (w) => ({ reviewId: w.reviews.customerReviewId, body: `Thanks ${w.unique("r")}` }),
  "seller.questions.answer": (w) => ({ questionId: w.qa.questionId, body: `Answer ${w.unique("a")}` }),
  // A shop's message is audited by its id, never its words (see core's sendMessage).
  "seller.messages.send": (w) => ({
    conversationId: w.messaging.conversationId,
    body: `Reply ${w.unique("m")}`,
  }),
  "seller.messages.markRead": (w) => ({ conversationId: w.messaging.conversationId }),
  // Seller A's balance is all paid out: an admin credits it first.
  "seller.payouts.request": async (w) => {
    await adjustBalance(w.t.deps, adminActor(w), {
      sellerId: w.seller.shopId,
      direction: "credit",
      amount: 50_000,
      reason: "Audit credit",
    });
    return { amount: 50_000 };
  },

  // -- admin
  "admin.users.setStatus": async (w) => ({
    userId: await w.fresh.user(),
    status: "suspended",
    reason: "Audit",
  }),
  "admin.sellers.approve": async (w) => ({ sellerId: await w.fresh.shop("pending") }),
  "admin.sellers.reject": async (w) => ({
    sellerId: await w.fresh.shop("pending"),
    reason: "PAN unreadable",
  }),
  "admin.sellers.suspend": async (w) => ({ sellerId: await w.fresh.shop("approved"), reason: "Complaints" }),
  "admin.sellers.reinstate": async (w) => ({ sellerId: await w.fresh.shop("suspended") }),
  "admin.sellers.setCommission": async (w) => ({
    sellerId: await w.fresh.shop("approved"),
    commissionBps: 1200,
  }),
  "admin.settings.setDefaultCommission": () => ({ commissionBps: 1000 }),
  "admin.settings.setCheckout": (w) => ({ maxQtyPerLine: w.checkoutSettings.maxQtyPerLine }),
  "admin.settings.setFinance": () => ({ tcsBps: 100 }),
  "admin.payments.setGateways": () => ({ cod: true }),
  "admin.products.approve": async (w) => ({ productId: await w.fresh.product("pending_review") }),
  "admin.products.reject": async (w) => ({
    productId: await w.fresh.product("pending_review"),
    reason: "Blurry",
  }),
  "admin.products.feature": async (w) => ({ productId: await w.fresh.product("approved"), featured: true }),
  "admin.products.takeDown": async (w) => ({
    productId: await w.fresh.product("approved"),
    reason: "Counterfeit",
  }),
  "admin.reports.resolve": async (w) => ({ id: await w.fresh.reportCase(), action: "dismiss" }),
  // Only hidden content comes back: a new review of customer A's, reported and hidden first.
  "admin.reports.restore": async (w) => {
    const targetId = await w.fresh.review();
    const { caseId: id } = await w
      .as("otherCustomer")
      .reports.create({ targetType: "review", targetId, reason: "offensive" });
    await w.as("admin").admin.reports.resolve({ id, action: "hide", note: "Hidden for review" });
    return { id, note: "Appeal accepted" };
  },
  "admin.categories.create": (w) => ({ name: "Audit category", slug: w.unique("audit-category") }),
  "admin.categories.update": (w) => ({ id: w.renamableCategoryId, name: `Renamed ${w.unique("c")}` }),
  "admin.categories.delete": async (w) => ({ id: await w.fresh.category() }),
  "admin.coupons.create": () => ({ code: code("PLAT"), kind: "fixed", amountOff: 1_000 }),
  "admin.coupons.update": (w) => ({ id: w.platformCouponId, description: `Fifty off ${w.unique("c")}` }),
  "admin.coupons.setActive": (w) => ({ id: w.seller.couponId, active: true }),
  "admin.returns.decide": async (w) => ({
    id: await w.fresh.escalatedReturn(),
    decision: "approve",
    note: "Audit decision",
  }),
  "admin.returns.markRefundPaid": async (w) => ({ id: await w.fresh.owedReturn(), reference: "UTR-AUDIT-1" }),
  "admin.returns.setDefaultWindow": () => ({ days: 7 }),
  "admin.returns.setShopWindow": async (w) => ({
    sellerId: await w.fresh.shop("approved"),
    returnWindowDays: 12,
  }),
  "admin.orders.cancel": async (w) => ({ orderId: (await w.fresh.order()).orderId, reason: "Audit check" }),
  "admin.ledger.adjust": async (w) => ({
    sellerId: await w.fresh.shop("approved"),
    direction: "credit",
    amount: 100,
    reason: "Audit adjustment",
  }),
  "admin.payouts.approve": async (w) => ({ id: await w.fresh.payout("requested") }),
  "admin.payouts.markPaid": async (w) => ({ id: await w.fresh.payout("approved"), utr: "AUDITUTR000001" }),
  "admin.payouts.reject": async (w) => ({ id: await w.fresh.payout("requested"), reason: "Audit rejection" }),
  "admin.payouts.export": () => ({}),
};

let t: TestContext;
let w: AuthzWorld;
beforeAll(async () => {
  const lenient = Object.fromEntries(
    Object.keys(defaultLimits).map((name) => [name, { points: 1_000_000, duration: 60 }]),
  ) as Partial<Limits>;
  t = await createTestContext({ limits: lenient });
  w = await buildAuthzWorld(t);
});
afterAll(() => t?.close());

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const mutations = Object.entries(procedures)
  .filter(([path, p]) => covered(path) && p._def.type === "mutation")
  .map(([path]) => path);

type Callable = ((input?: unknown) => Promise<unknown>) & { [key: string]: Callable };
const procedureAt = (caller: unknown, path: string) =>
  path.split(".").reduce<Callable>((fn, key) => fn[key]!, caller as Callable);

describe("audit log: every seller and admin mutation", () => {
  it("has a row for every such mutation of the router and none for a mutation that is gone", () => {
    expect(Object.keys(ROWS).sort()).toEqual([...mutations].sort());
  });

  for (const path of mutations) {
    it(path, async () => {
      const row = ROWS[path];
      if (!row) throw new Error(`${path} has no row in audit.test.ts: give it a valid input`);
      const persona = path.startsWith("admin.") ? "admin" : "seller";
      const input = await row(w);
      const requestId = randomUUID();
      const ip = "198.51.100.23";
      const caller = createCaller({
        deps: t.deps,
        http: testHttp({ accessToken: w.tokens[persona], requestId, ip }),
      });
      await procedureAt(caller, path)(input);

      const entries = await t.deps.db.query.auditLog.findMany({
        where: (a, { eq }) => eq(a.requestId, requestId),
      });
      expect(entries.length, `${path} wrote no audit entry`).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e).toMatchObject({ actorId: w.accounts[persona].userId, actorRole: persona, ip });
        expect(e.action).toMatch(/^[a-z][\w.]+$/);
        expect(e.targetType).toMatch(/^[a-z][a-z_]*$/);
      }
      // The generic entry is the fallback only: never beside the use case's own.
      const generic = entries.filter((e) => e.action === path);
      if (generic.length) expect(entries).toHaveLength(1);
    });
  }
});
