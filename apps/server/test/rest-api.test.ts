import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  createApiKey,
  createShopForSeed,
  createVerifiedUser,
  loadConfig,
  type SellerActor,
} from "@bazaar/core";
import { createTestContext, orderFixture, type TestContext } from "@bazaar/core/testing";
import { addresses, apiKeys, auditLog, sellers } from "@bazaar/db";
import {
  type ApiKeyScope,
  OrderOutput,
  OrderSummaryPageOutput,
  PayoutPageOutput,
  ProductDetailOutput,
  ProductListOutput,
  SellerBalancesOutput,
  SellerOrderOutput,
  SellerOrderPageOutput,
  SellerProductOutput,
  ShopOutput,
  StockMovementPageOutput,
} from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

/**
 * The REST bridge (/api/v1) and seller API keys (#16), driven over HTTP as an integrator
 * would: the bridge answers what tRPC answers, keys act for their shop within their scopes
 * and nothing more.
 */
let t: TestContext;
let app: FastifyInstance;
let f: ReturnType<typeof orderFixture>;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});
const PASSWORD = "pass-word-1";
const RATE = 40;
const WRONG_KEYS = 5;

let shopA: { id: string; actor: SellerActor; token: string };
let categoryId: string;

beforeAll(async () => {
  t = await createTestContext({
    limits: {
      "api_key.request": { points: RATE, duration: 60 },
      "api_key.invalid.ip": { points: WRONG_KEYS, duration: 900 },
    },
  });
  app = await buildApp(t.runtime(), config);
  f = orderFixture(t);
  shopA = await sessionSeller();
  const v = await f.variant(shopA, 49_900, 10);
  categoryId = v.product.categoryId;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

async function sessionSeller() {
  const email = `seller-${randomUUID()}@example.com`;
  const user = await createVerifiedUser(t.deps, {
    email,
    name: "Asha Meena",
    password: PASSWORD,
    role: "customer",
  });
  const { seller } = await createShopForSeed(t.deps, {
    userId: user.id,
    status: "approved",
    shopName: `Rest Shop ${randomUUID().slice(0, 6)}`,
    contactEmail: email,
    contactPhone: "9829012345",
    pickupAddress: {
      name: "Asha",
      phone: "9829012345",
      line1: "1 Amer Road",
      city: "Jaipur",
      state: "Rajasthan",
      pincode: "302002",
    },
    bankAccount: { holder: "Asha Meena", number: "123456789012", ifsc: "SBIN0031234" },
  });
  const res = await trpc("POST", "auth.login", { email, password: PASSWORD });
  const token = res.json().result.data.json.accessToken as string;
  const actor: SellerActor = {
    userId: user.id,
    role: "seller",
    sessionId: randomUUID(),
    sellerId: seller.id,
  };
  return { id: seller.id, actor, token };
}

const keyFor = async (shop: { actor: SellerActor }, scopes: ApiKeyScope[]) =>
  (await createApiKey(t.deps, shop.actor, { name: "ERP", scopes })).secret;

function trpc(method: "GET" | "POST", path: string, input?: unknown, headers: Record<string, string> = {}) {
  return method === "GET"
    ? app.inject({
        method,
        url: `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`,
        headers,
      })
    : app.inject({
        method,
        url: `/trpc/${path}`,
        payload: { json: input },
        headers: { "content-type": "application/json", ...headers },
      });
}

const rest = (
  method: "GET" | "POST" | "PATCH" | "PUT",
  url: string,
  opts: { key?: string; token?: string; body?: unknown; from?: string } = {},
) =>
  app.inject({
    method,
    url: `/api/v1${url}`,
    ...(opts.from && { remoteAddress: opts.from }),
    headers: {
      ...(opts.key && { "x-api-key": opts.key }),
      ...(opts.token && { authorization: `Bearer ${opts.token}` }),
    },
    ...(opts.body !== undefined && { payload: opts.body as object }),
  });

const newProduct = (over: Record<string, unknown> = {}) => ({
  title: "Block-printed cotton kurta",
  categoryId,
  variants: [{ sku: `KURTA-${randomUUID().slice(0, 8)}`, price: 129_900, stock: 7 }],
  ...over,
});

describe("the bridge answers as tRPC does", () => {
  it("lists the public catalogue with query-string filters", async () => {
    const viaRest = await rest("GET", "/catalog/products?limit=5&sort=newest");
    expect(viaRest.statusCode).toBe(200);
    const viaTrpc = await trpc("GET", "catalog.products.list", { limit: 5, sort: "newest" });
    expect(viaRest.json()).toEqual(viaTrpc.json().result.data.json);
    expect(viaRest.json().items.length).toBeGreaterThan(0);
  });

  it("creates a product with a key, and the seller's session reads the same product", async () => {
    const key = await keyFor(shopA, ["catalog:write"]);
    const created = await rest("POST", "/seller/products", { key, body: newProduct() });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as string;
    const viaRest = await rest("GET", `/seller/products/${id}`, { key });
    const viaTrpc = await trpc(
      "GET",
      "seller.products.byId",
      { id },
      { authorization: `Bearer ${shopA.token}` },
    );
    expect(viaRest.json()).toEqual(viaTrpc.json().result.data.json);
    expect(viaRest.json()).toMatchObject({ title: "Block-printed cotton kurta", status: "draft" });
  });

  it("adjusts a variant's stock through the path and body, as an ERP would", async () => {
    const key = await keyFor(shopA, ["stock:write"]);
    const v = await f.variant(shopA, 19_900, 3);
    const res = await rest("POST", "/seller/stock/adjustments", {
      key,
      body: { variantId: v.id, delta: 5, reason: "Goods received" },
    });
    expect(res.statusCode).toBe(200);
    expect(await f.stockOf(v.id)).toBe(8);
  });

  it("sets a variant's stock to a count with PUT; a read-only stock key may not", async () => {
    const key = await keyFor(shopA, ["stock:write"]);
    const v = await f.variant(shopA, 19_900, 3);
    const res = await rest("PUT", `/seller/stock/${v.id}`, {
      key,
      body: { stock: 12, reason: "Stock-take" },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ variantId: v.id, stock: 12 });
    expect(await f.stockOf(v.id)).toBe(12);
    const reader = await keyFor(shopA, ["stock:read"]);
    const refused = await rest("PUT", `/seller/stock/${v.id}`, {
      key: reader,
      body: { stock: 1, reason: "Nope" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toBe("api_key.scope_missing");
  });

  it("refuses bad input with 400 naming the field, as the tRPC edge does", async () => {
    const key = await keyFor(shopA, ["catalog:write"]);
    const res = await rest("POST", "/seller/products", { key, body: newProduct({ title: "x" }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION", reason: "validation.failed" });
    expect(res.json().fieldErrors.title[0]).toMatch(/at least 3/);
    const viaTrpc = await trpc("POST", "seller.products.create", newProduct({ title: "x" }), {
      "x-api-key": key,
    });
    expect(viaTrpc.statusCode).toBe(400);
    expect(viaTrpc.json().error.json.data.fieldErrors).toEqual(res.json().fieldErrors);
    const query = await rest("GET", "/catalog/products?limit=500");
    expect(query.statusCode).toBe(400);
    expect(Object.keys(query.json().fieldErrors)).toEqual(["limit"]);
  });

  it("answers an unknown route with 404 in the error shape", async () => {
    const res = await rest("GET", "/seller/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "NOT_FOUND", reason: "route.not_found" });
  });

  it("needs credentials for seller routes: 401 without", async () => {
    const res = await rest("GET", "/seller/orders");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.required" });
  });
});

describe("paths, bodies and statuses", () => {
  it("takes ids from the path: PATCH a product, move an order on", async () => {
    const key = await keyFor(shopA, ["catalog:write", "orders:write"]);
    const { id } = (await rest("POST", "/seller/products", { key, body: newProduct() })).json();
    const patched = await rest("PATCH", `/seller/products/${id}`, {
      key,
      body: { title: "Hand-block kurta" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().title).toBe("Hand-block kurta");
    const v = await f.variant(shopA, 30_000, 4);
    const order = await f.checkout(await f.customer(), [[v.id, 1]]);
    const subOrderId = order.subOrders[0]!.id;
    const moved = await rest("POST", `/seller/orders/${subOrderId}/status`, {
      key,
      body: { to: "packed" },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().status).toBe("packed");
    const again = await rest("POST", `/seller/orders/${subOrderId}/status`, { key, body: { to: "placed" } });
    expect(again.statusCode).toBe(400);
    expect(Object.keys(again.json().fieldErrors)).toEqual(["to"]);
  });

  it("no operation answers 5xx to junk (every path of the document, with and without a key)", async () => {
    const doc = (await app.inject({ url: "/api/v1/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const key = await keyFor(shopA, [
      "catalog:write",
      "stock:write",
      "orders:write",
      "returns:write",
      "payouts:read",
    ]);
    const junkIds = ["x", "00000000-0000-0000-0000-000000000000", "%00", "a".repeat(300)];
    const junkBodies: unknown[] = [[], "text", 1, null, { id: 5, title: [], variants: "x", to: {} }, {}];
    let calls = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        for (const id of junkIds) {
          const url = `/api/v1${path.replace(/\{\w+\}/g, encodeURIComponent(id))}`;
          for (const body of method === "get" ? [undefined] : junkBodies)
            for (const headers of [{}, { "x-api-key": key }]) {
              const res = await app.inject({
                method: method.toUpperCase() as "GET",
                url: method === "get" ? `${url}?limit=abc&cursor=%%%&inStock=maybe&brand=a&brand=b` : url,
                headers: { ...headers, ...(body !== undefined && { "content-type": "application/json" }) },
                ...(body !== undefined && { payload: JSON.stringify(body) }),
              });
              calls++;
              expect(
                res.statusCode,
                `${method} ${url} ${JSON.stringify(body)}: ${res.body.slice(0, 200)}`,
              ).toBeLessThan(500);
              expect(res.json()).toBeDefined();
            }
        }
      }
    }
    expect(calls).toBeGreaterThan(300);
  }, 120_000);
});

describe("what a key may do", () => {
  it("a read-only key reads but cannot write", async () => {
    const key = await keyFor(shopA, ["catalog:read"]);
    expect((await rest("GET", "/seller/products", { key })).statusCode).toBe(200);
    const res = await rest("POST", "/seller/products", { key, body: newProduct() });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "FORBIDDEN", reason: "api_key.scope_missing" });
    expect(res.json().details).toEqual({ requiredScope: "catalog:write" });
  });

  it("a key of one area cannot reach another (orders key on payouts)", async () => {
    const key = await keyFor(shopA, ["orders:read", "orders:write"]);
    expect((await rest("GET", "/seller/orders", { key })).statusCode).toBe(200);
    const res = await rest("GET", "/seller/payouts/balance", { key });
    expect(res.statusCode).toBe(403);
    expect(res.json().reason).toBe("api_key.scope_missing");
  });

  it("a key of shop A cannot read shop B's order", async () => {
    const shopB = await f.shop("Shop B");
    const v = await f.variant(shopB, 25_000, 5);
    const buyer = await f.customer();
    const order = await f.checkout(buyer, [[v.id, 1]]);
    const subOrderId = order.subOrders[0]!.id;
    const keyA = await keyFor(shopA, ["orders:read"]);
    const keyB = await keyFor(shopB, ["orders:read"]);
    expect((await rest("GET", `/seller/orders/${subOrderId}`, { key: keyB })).statusCode).toBe(200);
    const res = await rest("GET", `/seller/orders/${subOrderId}`, { key: keyA });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "NOT_FOUND", reason: "order.not_found" });
  });

  it("cannot call procedures outside the API, whatever its scopes", async () => {
    const key = await keyFor(shopA, [
      "catalog:write",
      "stock:write",
      "orders:write",
      "returns:write",
      "payouts:read",
    ]);
    for (const headers of [{ "x-api-key": key }, { authorization: `Bearer ${key}` }] as Record<
      string,
      string
    >[]) {
      for (const [method, path, input] of [
        ["GET", "auth.sessions", undefined],
        ["GET", "seller.apiKeys.list", undefined],
        ["POST", "seller.apiKeys.create", { name: "More", scopes: ["catalog:read"] }],
        ["POST", "seller.payouts.request", { amount: 100 }],
        ["GET", "admin.sellers.list", {}],
        ["GET", "orders.mine", {}],
      ] as const) {
        const res = await trpc(method, path, input, headers);
        expect(res.statusCode, path).toBe(403);
        expect(res.json().error.json.data.reason, path).toBe("api_key.not_allowed");
      }
    }
    // auth.me reads only a session token: a key is no session.
    expect((await trpc("GET", "auth.me", undefined, { authorization: `Bearer ${key}` })).statusCode).toBe(
      401,
    );
    const customerRoute = await rest("GET", "/orders", { key });
    expect(customerRoute.statusCode).toBe(403);
    expect(customerRoute.json().reason).toBe("api_key.not_allowed");
  });

  it("a revoked key is refused with 401 api_key.revoked; a made-up one with api_key.invalid", async () => {
    const key = await keyFor(shopA, ["catalog:read"]);
    const [row] = await t.deps.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.prefix, key.split("_")[2]!));
    const revoked = await trpc(
      "POST",
      "seller.apiKeys.revoke",
      { id: row!.id },
      { authorization: `Bearer ${shopA.token}` },
    );
    expect(revoked.statusCode).toBe(200);
    const res = await rest("GET", "/seller/products", { key });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "UNAUTHORIZED", reason: "api_key.revoked" });
    const forged = await rest("GET", "/seller/products", { key: `${key.slice(0, -4)}AAAA` });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().reason).toBe("api_key.invalid");
  });

  it("a suspended shop's key is refused with 403 seller.suspended", async () => {
    const shop = await f.shop("Soon suspended");
    const key = await keyFor(shop, ["catalog:read"]);
    expect((await rest("GET", "/seller/products", { key })).statusCode).toBe(200);
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shop.id));
    const res = await rest("GET", "/seller/products", { key });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "FORBIDDEN", reason: "seller.suspended" });
  });

  it("records the last use at most once a minute", async () => {
    const shop = await f.shop("Last used");
    const key = await keyFor(shop, ["catalog:read"]);
    const lastUsed = async () =>
      (await t.deps.db.select().from(apiKeys).where(eq(apiKeys.sellerId, shop.id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await rest("GET", "/seller/products", { key });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await rest("GET", "/seller/products", { key });
    expect(await lastUsed()).toEqual(first);
    t.advance(61_000);
    await rest("GET", "/seller/products", { key });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it("is rate-limited per key: 429 with retry-after, other keys unaffected", async () => {
    const shop = await f.shop("Busy");
    const busy = await keyFor(shop, ["catalog:read"]);
    const calm = await keyFor(shop, ["catalog:read"]);
    for (let i = 0; i < RATE; i++)
      expect((await rest("GET", "/seller/products", { key: busy })).statusCode).toBe(200);
    const res = await rest("GET", "/seller/products", { key: busy });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect((await rest("GET", "/seller/products", { key: calm })).statusCode).toBe(200);
  });
});

describe("wrong keys and the audit log", () => {
  it("throttles wrong keys per address: 401 api_key.invalid, then 429 with retry-after for any key from there", async () => {
    const key = await keyFor(shopA, ["catalog:read"]);
    const guesser = "203.0.113.77";
    for (let i = 0; i < WRONG_KEYS; i++) {
      const res = await rest("GET", "/seller/products", {
        key: `${key.slice(0, -6)}${i}AAAAA`,
        from: guesser,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: "UNAUTHORIZED", reason: "api_key.invalid" });
    }
    for (const k of [`${key.slice(0, -4)}BBBB`, key]) {
      const res = await rest("GET", "/seller/products", { key: k, from: guesser });
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ code: "RATE_LIMITED", reason: "rate_limit.api_key.invalid.ip" });
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }
    // The right key from elsewhere works, and right keys are never counted.
    expect((await rest("GET", "/seller/products", { key, from: "203.0.113.78" })).statusCode).toBe(200);
  });

  it("audits a key's changes as the shop's owner with the key named; the web app's without", async () => {
    const viaKey = await keyFor(shopA, ["catalog:write"]);
    const [row] = await t.deps.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.prefix, viaKey.split("_")[2]!));
    const byKey = (await rest("POST", "/seller/products", { key: viaKey, body: newProduct() })).json();
    const byWeb = (
      await trpc("POST", "seller.products.create", newProduct(), { authorization: `Bearer ${shopA.token}` })
    ).json().result.data.json;
    const entryOf = async (id: string) =>
      (
        await t.deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "product.created")))
      )[0];
    expect(await entryOf(byKey.id)).toMatchObject({
      actorId: shopA.actor.userId,
      actorRole: "seller",
      data: expect.objectContaining({ apiKey: { id: row!.id, name: "ERP" } }),
    });
    const web = await entryOf(byWeb.id);
    expect(web).toMatchObject({ actorId: shopA.actor.userId, actorRole: "seller" });
    expect(web!.data ?? {}).not.toHaveProperty("apiKey");
    // Every entry the key's request wrote names it (a generic one included, if any).
    const keyed = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(sql`${auditLog.data}->'apiKey'->>'id' = ${row!.id}`);
    expect(keyed[0]!.n).toBeGreaterThanOrEqual(1);
  });
});

describe("answers match the document's response schemas", () => {
  // JSON carries dates as ISO strings; the schemas (shared with tRPC) hold Dates.
  const revive = (body: string) =>
    JSON.parse(body, (_k, v) =>
      typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) ? new Date(v) : v,
    );
  /** Parses without loss: a key the schema does not declare would be stripped and fail here. */
  const conforms = (schema: { parse(v: unknown): unknown }, res: { statusCode: number; body: string }) => {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const value = revive(res.body);
    expect(schema.parse(value)).toEqual(value);
  };

  it("catalogue, shop, seller product, orders, balances and payouts", async () => {
    const key = await keyFor(shopA, ["catalog:write", "orders:write", "payouts:read"]);
    const v = await f.variant(shopA, 45_000, 6);
    const buyer = await f.customer();
    const order = await f.checkout(buyer, [[v.id, 1]]);
    conforms(ProductListOutput, await rest("GET", "/catalog/products?limit=3"));
    const slug = (await rest("GET", "/catalog/products?limit=1")).json().items[0].slug;
    conforms(ProductDetailOutput, await rest("GET", `/catalog/products/${slug}`));
    const shopSlug = (await rest("GET", `/catalog/products/${slug}`)).json().seller.slug;
    conforms(ShopOutput, await rest("GET", `/shops/${shopSlug}`));
    conforms(SellerProductOutput, await rest("POST", "/seller/products", { key, body: newProduct() }));
    conforms(SellerOrderOutput, await rest("GET", `/seller/orders/${order.subOrders[0]!.id}`, { key }));
    conforms(SellerBalancesOutput, await rest("GET", "/seller/payouts/balance", { key }));
    conforms(PayoutPageOutput, await rest("GET", "/seller/payouts", { key }));
    conforms(SellerOrderPageOutput, await rest("GET", "/seller/orders?limit=5", { key }));
  });

  it("a customer's orders (an online one, with how to pay) and a product's stock movements", async () => {
    const email = `buyer-${randomUUID()}@example.com`;
    const user = await createVerifiedUser(t.deps, {
      email,
      name: "Ravi Iyer",
      password: PASSWORD,
      role: "customer",
    });
    const token = (await trpc("POST", "auth.login", { email, password: PASSWORD })).json().result.data.json
      .accessToken as string;
    const [address] = await t.deps.db
      .insert(addresses)
      .values({
        userId: user.id,
        name: "Ravi Iyer",
        phone: "9876543210",
        line1: "7 MG Road",
        city: "Pune",
        state: "Maharashtra",
        pincode: "411001",
        isDefault: true,
      })
      .returning();
    const v = await f.variant(shopA, 32_000, 5);
    const buyer = {
      actor: { userId: user.id, role: "customer" as const, sessionId: randomUUID() },
      addressId: address!.id,
    };
    const order = await f.checkout(buyer, [[v.id, 2]], "razorpay");
    conforms(OrderSummaryPageOutput, await rest("GET", "/orders?limit=5", { token }));
    const one = await rest("GET", `/orders/${order.id}`, { token });
    conforms(OrderOutput, one);
    expect(one.json().payment).not.toBeNull();
    const key = await keyFor(shopA, ["stock:read"]);
    conforms(
      StockMovementPageOutput,
      await rest("GET", `/seller/products/${v.product.id}/stock-movements`, { key }),
    );
  });
});

describe("key management", () => {
  it("creates (secret once), lists without secrets, revokes; each leaves an audit entry", async () => {
    const auth = { authorization: `Bearer ${shopA.token}` };
    const created = await trpc(
      "POST",
      "seller.apiKeys.create",
      { name: "Warehouse", scopes: ["stock:write"] },
      auth,
    );
    expect(created.statusCode).toBe(200);
    const dto = created.json().result.data.json;
    expect(dto.secret).toMatch(/^bz_live_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(dto.secret).toContain(dto.prefix);
    const list = (await trpc("GET", "seller.apiKeys.list", undefined, auth)).json().result.data.json;
    const listed = list.find((k: { id: string }) => k.id === dto.id);
    expect(listed).toMatchObject({ name: "Warehouse", scopes: ["stock:write"], revokedAt: null });
    // The secret part is base64url, which may itself contain "_": cut the known head off instead.
    expect(JSON.stringify(list)).not.toContain(dto.secret.replace(/^bz_live_[0-9a-f]{12}_/, ""));
    await trpc("POST", "seller.apiKeys.revoke", { id: dto.id }, auth);
    await trpc("POST", "seller.apiKeys.revoke", { id: dto.id }, auth);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "api_key"), eq(auditLog.targetId, dto.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
    expect(entries.every((e) => e.actorId === shopA.actor.userId)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(dto.secret);
  });

  it("another shop's key is not found to revoke", async () => {
    const other = await f.shop("Other");
    const { id } = await createApiKey(t.deps, other.actor, { name: "Theirs", scopes: ["catalog:read"] });
    const res = await trpc(
      "POST",
      "seller.apiKeys.revoke",
      { id },
      { authorization: `Bearer ${shopA.token}` },
    );
    expect(res.json().error?.json?.data).toMatchObject({ httpStatus: 404, reason: "api_key.not_found" });
  });
});

describe("the document and the docs page", () => {
  it("serves the committed OpenAPI 3.1 document", async () => {
    const res = await app.inject({ url: "/api/v1/openapi.json" });
    expect(res.statusCode).toBe(200);
    const committed = JSON.parse(
      readFileSync(new URL("../../../packages/api/openapi.json", import.meta.url), "utf8"),
    );
    expect(res.json()).toEqual(committed);
    expect(res.json().openapi).toBe("3.1.0");
  });

  it("serves Swagger UI from the package under our CSP", async () => {
    const page = await app.inject({ url: "/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger-ui-bundle.js");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const init = await app.inject({ url: "/docs/swagger-initializer.js" });
    expect(init.body).toContain("/api/v1/openapi.json");
    const bundle = await app.inject({ url: "/docs/swagger-ui-bundle.js" });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
    expect((await app.inject({ url: "/docs" })).body).toContain("/docs/swagger-initializer.js");
  });
});
