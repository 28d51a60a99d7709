import { randomUUID } from "node:crypto";
import { createVerifiedUser, loadConfig, unsubscribeToken } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import fc from "fast-check";
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

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

async function user() {
  const email = `u-${randomUUID()}@example.com`;
  return createVerifiedUser(t.deps, { email, name: "Asha Meena", password: "pass-word-1", role: "customer" });
}

/** The user's email switch for a category, as the preferences read it. */
async function emailOn(userId: string, category: string) {
  const row = await t.deps.db.query.notificationPreferences.findFirst({
    where: (p, { and, eq }) => and(eq(p.userId, userId), eq(p.category, category)),
  });
  return row?.email ?? true;
}

describe("GET/POST /unsubscribe (RFC 8058 one-click)", () => {
  it("GET only shows a confirm page; POST (as a mail client sends it) unsubscribes, no sign-in", async () => {
    const u = await user();
    const token = unsubscribeToken(t.deps, u.id, "orders");
    const url = `/unsubscribe?token=${encodeURIComponent(token)}`;
    const page = await app.inject({ method: "GET", url });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("Unsubscribe from orders emails?");
    expect(page.body).toContain('method="post"');
    expect(await emailOn(u.id, "orders")).toBe(true);

    const post = await app.inject({
      method: "POST",
      url,
      payload: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(post.statusCode).toBe(200);
    expect(post.body).toContain("You are unsubscribed");
    expect(await emailOn(u.id, "orders")).toBe(false);
    expect(await emailOn(u.id, "payments")).toBe(true);

    const again = await app.inject({ method: "GET", url });
    expect(again.body).toContain("You are unsubscribed");
  });

  it("accepts a multipart one-click body too", async () => {
    const u = await user();
    const token = unsubscribeToken(t.deps, u.id, "questions");
    const boundary = "----bz";
    const res = await app.inject({
      method: "POST",
      url: `/unsubscribe?token=${encodeURIComponent(token)}`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(200);
    expect(await emailOn(u.id, "questions")).toBe(false);
  });

  it("a tampered, foreign or missing token is a 400 page and changes nothing", async () => {
    const [u, other] = [await user(), await user()];
    const token = unsubscribeToken(t.deps, u.id, "orders");
    const mac = token.split(".")[2];
    for (const bad of [
      `${other.id}.orders.${mac}`,
      `${u.id}.payments.${mac}`,
      "nonsense",
      "",
      "%00<script>",
    ]) {
      for (const method of ["GET", "POST"] as const) {
        const res = await app.inject({ method, url: `/unsubscribe?token=${encodeURIComponent(bad)}` });
        expect(res.statusCode, `${method} ${bad}`).toBe(400);
        expect(res.body).toContain("This link does not work");
        expect(res.body).not.toContain("<script>");
      }
    }
    expect(await emailOn(u.id, "orders")).toBe(true);
    expect(await emailOn(other.id, "orders")).toBe(true);
  });

  it("no token text, however strange, makes it answer 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 400 }), fc.boolean(), async (token, post) => {
        const res = await app.inject({
          method: post ? "POST" : "GET",
          url: `/unsubscribe?token=${encodeURIComponent(token)}`,
        });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 15 },
    );
  });
});
