import { randomUUID } from "node:crypto";
import {
  type Actor,
  adjustBalance,
  approvePayout,
  createShopForSeed,
  createVerifiedUser,
  loadConfig,
  requestPayout,
  type SellerActor,
} from "@bazaar/core";
import { createTestContext, currentTotpCodeByEmail, type TestContext } from "@bazaar/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

let t: TestContext;
let app: FastifyInstance;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});
const PASSWORD = "pass-word-1";

async function login(email: string): Promise<string> {
  const post = async (path: string, json: unknown) =>
    (
      await app.inject({
        method: "POST",
        url: `/trpc/${path}`,
        payload: { json },
        headers: { "content-type": "application/json" },
      })
    ).json().result.data.json;
  const first = await post("auth.login", { email, password: PASSWORD });
  if (first.status !== "second_factor_required") return first.accessToken;
  // Admins answer their second factor (#16) as a person with the authenticator app would.
  const code = await currentTotpCodeByEmail(t.deps, email);
  return (await post("auth.verifySecondFactor", { challengeToken: first.challengeToken, code })).accessToken;
}

async function account(role: "customer" | "admin") {
  const email = `${role}-${randomUUID()}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name: "Asha Meena", password: PASSWORD, role });
  return { email, actor: { userId: user.id, role, sessionId: randomUUID() } as Actor };
}

async function seller() {
  const a = await account("customer");
  const { seller: s } = await createShopForSeed(t.deps, {
    userId: a.actor.userId,
    status: "approved",
    shopName: `Money Shop ${randomUUID().slice(0, 4)}`,
    contactEmail: a.email,
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
  const actor: SellerActor = { ...a.actor, role: "seller", sessionId: randomUUID(), sellerId: s.id };
  return { id: s.id, actor, token: await login(a.email) };
}

let admin: { actor: Actor; token: string };
beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
  const a = await account("admin");
  admin = { actor: a.actor, token: await login(a.email) };
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const get = (url: string, token?: string) =>
  app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });
const month = () => new Date(t.deps.now().getTime() + 5.5 * 3_600_000).toISOString().slice(0, 7);

describe("statement downloads", () => {
  it("give a seller their own month as CSV and PDF, an admin any seller's, and nobody else anything", async () => {
    const a = await seller();
    const b = await seller();
    await adjustBalance(t.deps, admin.actor, {
      sellerId: a.id,
      direction: "credit",
      amount: 123_456,
      reason: "Launch bonus for shop A",
    });
    const csv = await get(`/api/statements/${month()}.csv`, a.token);
    expect([csv.statusCode, csv.headers["content-type"]]).toEqual([200, "text/csv; charset=utf-8"]);
    expect(csv.headers["content-disposition"]).toBe(`attachment; filename="statement-${month()}.csv"`);
    expect(csv.body).toContain("Launch bonus for shop A");
    expect(csv.body).toContain("Closing balance,,1234.56");
    const pdf = await get(`/api/statements/${month()}.pdf`, a.token);
    expect([pdf.statusCode, pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, "%PDF-"]);
    // Seller B gets B's statement: the shop comes from the token, never from the address.
    const theirs = await get(`/api/statements/${month()}.csv`, b.token);
    expect(theirs.body).not.toContain("Launch bonus");
    const byAdmin = await get(`/api/admin/sellers/${a.id}/statements/${month()}.csv`, admin.token);
    expect([byAdmin.statusCode, byAdmin.body.includes("Launch bonus for shop A")]).toEqual([200, true]);

    const customer = await login((await account("customer")).email);
    expect((await get(`/api/statements/${month()}.csv`, customer)).json().reason).toBe("auth.role_required");
    expect((await get(`/api/statements/${month()}.csv`)).statusCode).toBe(401);
    expect((await get(`/api/admin/sellers/${a.id}/statements/${month()}.csv`, b.token)).statusCode).toBe(403);
    for (const file of ["2026-13.csv", "2026-11.xls", "..%2F..%2Fetc.csv"]) {
      const res = await get(`/api/statements/${file}`, a.token);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const bad = await get(`/api/admin/sellers/not-an-id/statements/${month()}.csv`, admin.token);
    expect([bad.statusCode, bad.json().reason]).toEqual([404, "seller.not_found"]);
  });
});

describe("the payouts bank file", () => {
  it("downloads approved payouts for the admin only, refusing ids that are not ids", async () => {
    const a = await seller();
    await adjustBalance(t.deps, admin.actor, {
      sellerId: a.id,
      direction: "credit",
      amount: 75_000,
      reason: "Funds to withdraw",
    });
    const p = await requestPayout(t.deps, a.actor, { amount: 75_000 });
    await approvePayout(t.deps, admin.actor, { id: p.id });
    const res = await get(`/api/admin/payouts/export.csv?ids=${p.id}`, admin.token);
    expect([res.statusCode, res.headers["content-type"]]).toEqual([200, "text/csv; charset=utf-8"]);
    expect(res.body).toContain(`Asha Meena,123456789012,SBIN0031234,750.00,${p.number}`);
    expect((await get("/api/admin/payouts/export.csv", a.token)).statusCode).toBe(403);
    const bad = await get("/api/admin/payouts/export.csv?ids=nope", admin.token);
    expect([bad.statusCode, bad.json().reason]).toEqual([400, "payouts.bad_ids"]);
  });
});
