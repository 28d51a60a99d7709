import { randomUUID } from "node:crypto";
import { createVerifiedUser, customerChannel, loadConfig } from "@bazaar/core";
import { createTestContext, signInForTest as login, type TestContext } from "@bazaar/core/testing";
import { users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, MAX_BATCH_SIZE } from "../src/app";

let t: TestContext;
let app: FastifyInstance;
let address: string;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
  address = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function customer() {
  const email = `c-${randomUUID()}@example.com`;
  const user = await createVerifiedUser(t.deps, {
    email,
    name: "Ravi Kumar",
    password: "pass-word-1",
    role: "customer",
  });
  const signedIn = await login(t.deps, { ip: null, userAgent: null }, { email, password: "pass-word-1" });
  return { user, email, token: signedIn.accessToken, refreshToken: signedIn.refreshToken };
}

const post = (path: string, body: unknown, token?: string) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    payload: { json: body },
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
  });
const me = (token: string) =>
  app.inject({ url: "/trpc/auth.me", headers: { authorization: `Bearer ${token}` } });

describe("signing out", () => {
  it("ends the session of a bearer token when no refresh token comes with it", async () => {
    const c = await customer();
    expect((await me(c.token)).statusCode).toBe(200);
    expect((await post("auth.logout", undefined, c.token)).statusCode).toBe(200);
    const after = await me(c.token);
    expect([after.statusCode, after.json().error.json.data.reason]).toEqual([401, "auth.session_ended"]);
  });

  it("does nothing to anyone for a token that proves nothing", async () => {
    const c = await customer();
    expect((await post("auth.logout", undefined, "not.a.token")).statusCode).toBe(200);
    expect((await me(c.token)).statusCode).toBe(200);
  });
});

describe("password changes", () => {
  it("are limited per account like sign-in, even from one batched request", async () => {
    const c = await customer();
    const guesses = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => ({
      json: { currentPassword: `guess-${i}-pass`, newPassword: "new-pass-word-2" },
    }));
    const paths = Array.from({ length: MAX_BATCH_SIZE }, () => "auth.changePassword").join(",");
    const res = await app.inject({
      method: "POST",
      url: `/trpc/${paths}?batch=1`,
      payload: Object.fromEntries(guesses.map((g, i) => [i, g])),
      headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
    });
    const reasons = (res.json() as { error: { json: { data: { reason: string } } } }[]).map(
      (r) => r.error.json.data.reason,
    );
    expect(reasons.filter((r) => r === "auth.wrong_password")).toHaveLength(5);
    expect(reasons.filter((r) => r === "rate_limit.password.change.account")).toHaveLength(
      MAX_BATCH_SIZE - 5,
    );
  });

  it("refuses a batch larger than the cap before running any of it", async () => {
    const c = await customer();
    const n = MAX_BATCH_SIZE + 1;
    const res = await app.inject({
      method: "POST",
      url: `/trpc/${Array.from({ length: n }, () => "auth.changePassword").join(",")}?batch=1`,
      payload: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          i,
          { json: { currentPassword: "x", newPassword: "new-pass-word-2" } },
        ]),
      ),
      headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Batch call exceeds maximum size");
  });
});

describe("a live stream", () => {
  /** Opens orders.onUpdate over real HTTP and collects what arrives. */
  async function stream(token: string) {
    const ac = new AbortController();
    const params = encodeURIComponent(JSON.stringify({ token }));
    const res = await fetch(`${address}/trpc/orders.onUpdate?connectionParams=${params}`, {
      signal: ac.signal,
    });
    const reader = res.body!.getReader();
    let text = "";
    let ended = false;
    const pump = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      } catch {
        // aborted by the test
      }
      ended = true;
    })();
    const until = async (what: string, ok: () => boolean, ms = 5_000) => {
      const deadline = Date.now() + ms;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`stream: no ${what} within ${ms} ms; got:\n${text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until("connection", () => text.includes("connected"));
    return {
      text: () => text,
      ended: () => ended,
      until,
      close: async () => {
        ac.abort();
        await pump;
      },
    };
  }
  const event = (userId: string, n: number) =>
    t.deps.live.publish(customerChannel(userId), {
      orderId: randomUUID(),
      subOrderId: randomUUID(),
      number: `BZ-TEST-${n}`,
      from: "placed",
      to: "confirmed",
      paymentStatus: "paid",
      at: new Date(),
    });

  it("stops at the next event once its session is revoked", async () => {
    const c = await customer();
    const s = await stream(c.token);
    try {
      await event(c.user.id, 1);
      await s.until("first event", () => s.text().includes("BZ-TEST-1"));
      await post("auth.logout", undefined, c.token);
      await event(c.user.id, 2);
      await s.until("the end of the stream", () => s.text().includes("auth.session_ended"));
      expect(s.text()).not.toContain("BZ-TEST-2");
    } finally {
      await s.close();
    }
  });

  it("stops within the re-check interval when the account is suspended, with no event to trigger it", async () => {
    const before = t.deps.liveRecheckMs;
    t.deps.liveRecheckMs = 100;
    const c = await customer();
    const s = await stream(c.token);
    try {
      await t.deps.db.update(users).set({ status: "suspended" }).where(eq(users.id, c.user.id));
      await s.until("the end of the stream", () => s.text().includes("auth.account_inactive"), 3_000);
    } finally {
      t.deps.liveRecheckMs = before;
      await s.close();
    }
  });
});
