import { apiKeys, auditLog, sellers, users } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuditEntry } from "../audit";
import { audit, setAuditActor, withAuditScope } from "../platform/audit";
import { createRateLimiter } from "../platform/rate-limit";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey, MAX_LIVE_KEYS } from "./create-api-key";
import { hasScope } from "./dto";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { hashSecret, parseApiKey } from "./secrets";

let t: TestContext;
let f: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  f = orderFixture(t);
});
afterAll(async () => {
  await t?.close();
});

describe("scopes", () => {
  it("write grants read of the same area only", () => {
    expect(hasScope(["orders:write"], "orders:read")).toBe(true);
    expect(hasScope(["orders:read"], "orders:write")).toBe(false);
    expect(hasScope(["orders:write"], "returns:read")).toBe(false);
    expect(hasScope([], "catalog:read")).toBe(false);
  });
});

describe("a key's life", () => {
  it("is shown once, stored as a hash, listed without its secret", async () => {
    const shop = await f.shop("Keys");
    const key = await createApiKey(t.deps, shop.actor, {
      name: "ERP",
      scopes: ["stock:write", "catalog:read"],
    });
    const parsed = parseApiKey(key.secret)!;
    expect(parsed.prefix).toBe(key.prefix);
    const [row] = await t.deps.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.secretHash).toBe(hashSecret(parsed.secret));
    expect(JSON.stringify(row)).not.toContain(parsed.secret);
    expect(row!.scopes).toEqual(["catalog:read", "stock:write"]);
    const list = await listApiKeys(t.deps, shop.actor);
    expect(list).toEqual([
      expect.objectContaining({ id: key.id, name: "ERP", lastUsedAt: null, revokedAt: null }),
    ]);
    expect(list[0]).not.toHaveProperty("secret");
  });

  it("acts as its shop's owner within its scope", async () => {
    const shop = await f.shop("Acting");
    const { secret, id } = await createApiKey(t.deps, shop.actor, { name: "WMS", scopes: ["stock:write"] });
    const actor = await authenticateApiKey(t.deps, secret, "stock:read");
    expect(actor).toMatchObject({ userId: shop.userId, role: "seller", sellerId: shop.id, apiKeyId: id });
    const e = await rejects(authenticateApiKey(t.deps, secret, "orders:read"));
    expect([e.code, e.reason]).toEqual(["FORBIDDEN", "api_key.scope_missing"]);
  });

  it("refuses malformed, forged, revoked keys and an inactive account, each with its reason", async () => {
    const shop = await f.shop("Refusals");
    const { secret, id } = await createApiKey(t.deps, shop.actor, { name: "X", scopes: ["catalog:read"] });
    for (const bad of ["bz_live_nope", `${secret}x`, secret.replace(/.$/, (c) => (c === "A" ? "B" : "A"))]) {
      const e = await rejects(authenticateApiKey(t.deps, bad, "catalog:read"));
      expect([e.code, e.reason]).toEqual(["UNAUTHORIZED", "api_key.invalid"]);
    }
    await t.deps.db.update(users).set({ status: "suspended" }).where(eq(users.id, shop.userId));
    const inactive = await rejects(authenticateApiKey(t.deps, secret, "catalog:read"));
    expect([inactive.code, inactive.reason]).toEqual(["UNAUTHORIZED", "auth.account_inactive"]);
    await t.deps.db.update(users).set({ status: "active" }).where(eq(users.id, shop.userId));
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shop.id));
    const suspended = await rejects(authenticateApiKey(t.deps, secret, "catalog:read"));
    expect([suspended.code, suspended.reason]).toEqual(["FORBIDDEN", "seller.suspended"]);
    await t.deps.db.update(sellers).set({ status: "approved" }).where(eq(sellers.id, shop.id));
    await revokeApiKey(t.deps, shop.actor, { id });
    const revoked = await rejects(authenticateApiKey(t.deps, secret, "catalog:read"));
    expect([revoked.code, revoked.reason]).toEqual(["UNAUTHORIZED", "api_key.revoked"]);
  });

  it("revoking twice keeps the first time and writes one audit entry; another shop's key is not found", async () => {
    const shop = await f.shop("Revoker");
    const other = await f.shop("Bystander");
    const { id } = await createApiKey(t.deps, shop.actor, { name: "Old", scopes: ["orders:read"] });
    const first = await revokeApiKey(t.deps, shop.actor, { id });
    t.advance(5_000);
    const again = await revokeApiKey(t.deps, shop.actor, { id });
    expect(again.revokedAt).toEqual(first.revokedAt);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "api_key.revoked")));
    expect(entries).toHaveLength(1);
    const e = await rejects(revokeApiKey(t.deps, other.actor, { id }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "api_key.not_found"]);
  });

  it("keeps at most MAX_LIVE_KEYS live keys per shop, even when created at once", async () => {
    const shop = await f.shop("Many keys");
    const results = await Promise.allSettled(
      Array.from({ length: MAX_LIVE_KEYS + 3 }, (_, i) =>
        createApiKey(t.deps, shop.actor, { name: `K${i}`, scopes: ["catalog:read"] }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_LIVE_KEYS);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", reason: "api_key.too_many" });
  });

  it("refuses bad input naming the field", async () => {
    const shop = await f.shop("Bad input");
    await expect(
      createApiKey(t.deps, shop.actor, { name: "", scopes: ["admin:write" as never] }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["name"] }),
        expect.objectContaining({ path: ["scopes", 0], message: "Choose scopes from the list" }),
      ]),
    });
  });
});

describe("guessing keys", () => {
  it("counts wrong keys per address: 401 api_key.invalid, then 429 for every key from there, the right one too", async () => {
    const shop = await f.shop("Guessed");
    const { secret } = await createApiKey(t.deps, shop.actor, { name: "Real", scopes: ["catalog:read"] });
    const deps = {
      ...t.deps,
      limiter: createRateLimiter({ limits: { "api_key.invalid.ip": { points: 3, duration: 900 } } }),
    };
    const wrong = [`${secret.slice(0, -4)}AAAA`, "bz_live_nope", "bz_live_000000000000_x"];
    for (const bad of wrong) {
      const e = await rejects(authenticateApiKey(deps, bad, "catalog:read", "198.51.100.9"));
      expect([e.code, e.reason]).toEqual(["UNAUTHORIZED", "api_key.invalid"]);
    }
    for (const key of [wrong[0]!, secret]) {
      const e = await rejects(authenticateApiKey(deps, key, "catalog:read", "198.51.100.9"));
      expect([e.code, e.reason]).toEqual(["RATE_LIMITED", "rate_limit.api_key.invalid.ip"]);
      expect(e.details?.retryAfterSeconds).toBeGreaterThan(0);
    }
    // Another address, and right keys, are not counted against anyone.
    expect((await authenticateApiKey(deps, secret, "catalog:read", "198.51.100.10")).sellerId).toBe(shop.id);
    for (let i = 0; i < 5; i++) await authenticateApiKey(deps, secret, "catalog:read", "198.51.100.11");
    const e = await rejects(authenticateApiKey(deps, wrong[0]!, "catalog:read", "198.51.100.11"));
    expect(e.reason).toBe("api_key.invalid");
  });
});

describe("auditing a key's actions", () => {
  it("names the shop's owner as the actor and the key in the entry", async () => {
    const shop = await f.shop("Audited");
    const { secret, id } = await createApiKey(t.deps, shop.actor, {
      name: "ERP sync",
      scopes: ["stock:write"],
    });
    const keyCall = withAuditScope(t.deps, { requestId: "req-key" });
    setAuditActor(keyCall.db, await authenticateApiKey(keyCall, secret, "stock:write"));
    const viaKey = await audit(keyCall.db, { action: "test.via_key", targetType: "api_key", targetId: id });
    const webCall = withAuditScope(t.deps, { requestId: "req-web" });
    setAuditActor(webCall.db, shop.actor);
    const viaWeb = await audit(webCall.db, { action: "test.via_web", targetType: "api_key", targetId: id });
    const rows = await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(viaKey)).toMatchObject({
      actorId: shop.userId,
      actorRole: "seller",
      data: { apiKey: { id, name: "ERP sync" } },
    });
    expect(byId.get(viaWeb)).toMatchObject({ actorId: shop.userId, actorRole: "seller", data: null });
    // The log's entries say it plainly, apart from the details.
    const admin = { userId: shop.userId, role: "admin" as const, sessionId: "admin" };
    const shown = await getAuditEntry(t.deps, admin, { id: viaKey });
    expect(shown).toMatchObject({ actorRole: "seller", apiKey: { id, name: "ERP sync" }, details: null });
    expect((await getAuditEntry(t.deps, admin, { id: viaWeb })).apiKey).toBeNull();
  });
});
