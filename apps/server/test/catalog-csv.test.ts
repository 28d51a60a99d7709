import { randomUUID } from "node:crypto";
import {
  createShopForSeed,
  createVerifiedUser,
  getCatalogImport,
  loadConfig,
  type SellerActor,
} from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { categories } from "@bazaar/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

let t: TestContext;
let app: FastifyInstance;
let category: string;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});
const PASSWORD = "pass-word-1";

async function login(email: string): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    payload: { json: { email, password: PASSWORD } },
    headers: { "content-type": "application/json" },
  });
  return res.json().result.data.json.accessToken;
}

async function customer() {
  const email = `csv-${randomUUID()}@example.com`;
  const user = await createVerifiedUser(t.deps, {
    email,
    name: "Asha Meena",
    password: PASSWORD,
    role: "customer",
  });
  return { email, userId: user.id, token: await login(email) };
}

async function seller() {
  const a = await customer();
  const { seller: s } = await createShopForSeed(t.deps, {
    userId: a.userId,
    status: "approved",
    shopName: `CSV Shop ${randomUUID().slice(0, 4)}`,
    contactEmail: a.email,
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
  const actor: SellerActor = { userId: a.userId, role: "seller", sessionId: randomUUID(), sellerId: s.id };
  return { actor, token: await login(a.email) };
}

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
  const [c] = await t.deps.db
    .insert(categories)
    .values({ name: "Kurtas", slug: `kurtas-${randomUUID().slice(0, 8)}` })
    .returning();
  category = c!.slug;
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const BOUNDARY = "----bazaar-csv-boundary-9f3k";
const multipart = (body: string, filename = "catalog.csv") =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${body}\r\n--${BOUNDARY}--\r\n`,
  );
const upload = (token: string | null, body: string) =>
  app.inject({
    method: "POST",
    url: "/api/seller/catalog-imports",
    payload: multipart(body),
    headers: {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      ...(token && { authorization: `Bearer ${token}` }),
    },
  });
const get = (url: string, token?: string) =>
  app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

async function settled(actor: SellerActor, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = await getCatalogImport(t.deps, actor, { id });
    if (r.status !== "running") return r;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error("import did not finish");
}

const csv = (sku: string, price: string) =>
  `handle,title,category,sku,price_rupees,stock\nkurta,Cotton kurta,${category},${sku},${price},4\n`;

describe("catalog CSV over HTTP", () => {
  it("uploads a CSV (202, applied in the background), then exports it back and reports errors as CSV", async () => {
    const s = await seller();
    const sku = `K-${randomUUID().slice(0, 8)}`;
    const res = await upload(s.token, csv(sku, "899.5"));
    expect(res.statusCode).toBe(202);
    const started = res.json().import;
    expect(started).toMatchObject({ filename: "catalog.csv" });
    expect(await settled(s.actor, started.id)).toMatchObject({ status: "done", created: 1, failed: 0 });

    const exported = await get("/api/seller/catalog.csv", s.token);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("text/csv");
    expect(exported.headers["content-disposition"]).toMatch(
      /^attachment; filename="catalog-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(exported.body).toContain(`,${sku},899.50,,,4`);

    const bad = await upload(s.token, csv(`B-${randomUUID().slice(0, 8)}`, "free"));
    const done = await settled(s.actor, bad.json().import.id);
    expect(done).toMatchObject({ failed: 1, errorCount: 1 });
    const report = await get(`/api/seller/catalog-imports/${done.id}/errors.csv`, s.token);
    expect(report.statusCode).toBe(200);
    expect(report.body).toBe("row,column,message\n2,price_rupees,Price is rupees like 899 or 899.50\n");
  });

  it("another shop gets 404 for an import's error report; customers 403; no token 401", async () => {
    const a = await seller();
    const b = await seller();
    const res = await upload(a.token, csv(`A-${randomUUID().slice(0, 8)}`, "10"));
    await settled(a.actor, res.json().import.id);
    const other = await get(`/api/seller/catalog-imports/${res.json().import.id}/errors.csv`, b.token);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: "NOT_FOUND", reason: "catalog_import.not_found" });
    const c = await customer();
    const refused = await get("/api/seller/catalog.csv", c.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "FORBIDDEN", reason: "auth.role_required" });
    expect((await upload(null, csv("X-1", "10"))).statusCode).toBe(401);
    expect((await get("/api/seller/catalog.csv")).statusCode).toBe(401);
  });

  it("refuses a body that is not multipart (415) and an upload without a file (400)", async () => {
    const s = await seller();
    const json = await app.inject({
      method: "POST",
      url: "/api/seller/catalog-imports",
      payload: { a: 1 },
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json" },
    });
    expect(json.statusCode).toBe(415);
    const empty = await app.inject({
      method: "POST",
      url: "/api/seller/catalog-imports",
      payload: Buffer.from(`--${BOUNDARY}--\r\n`),
      headers: {
        authorization: `Bearer ${s.token}`,
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: "VALIDATION", reason: "catalog_import.file_required" });
  });
});
