import { createVerifiedUser, loadConfig } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, REFRESH_COOKIE } from "../src/app";

let t: TestContext;
let app: FastifyInstance;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
  BODY_LIMIT_BYTES: "4096",
});

beforeAll(async () => {
  t = await createTestContext({ limits: { "login.account": { points: 3, duration: 600 } } });
  app = await buildApp(t.runtime(), config);
  await createVerifiedUser(t.deps, {
    email: "shopper@example.com",
    name: "Shopper",
    password: "pass-word-1",
    role: "customer",
  });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    payload: { json: body },
    headers: { "content-type": "application/json", ...headers },
  });
const get = (path: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "GET", url: `/trpc/${path}`, headers });

describe("HTTP host", () => {
  it("answers health and readiness", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready", checks: { database: "ok" } });
  });

  it("sets the refresh token as an httpOnly cookie scoped to the API, and refreshes with it", async () => {
    const res = await call("auth.login", { email: "shopper@example.com", password: "pass-word-1" });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === REFRESH_COOKIE)!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/trpc" });
    expect(JSON.stringify(res.json())).not.toContain(c.value);

    const access = res.json().result.data.json.accessToken as string;
    const me = await get("auth.me", { authorization: `Bearer ${access}` });
    expect(me.json().result.data.json.email).toBe("shopper@example.com");

    const refreshed = await call("auth.refresh", undefined, { cookie: `${REFRESH_COOKIE}=${c.value}` });
    expect(refreshed.statusCode).toBe(200);
    const rotated = refreshed.cookies.find((x) => x.name === REFRESH_COOKIE)!;
    expect(rotated.value).not.toBe(c.value);

    // Replaying the old cookie is reuse: refused, and the cookie is cleared.
    const replay = await call("auth.refresh", undefined, { cookie: `${REFRESH_COOKIE}=${c.value}` });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.json.data.reason).toBe("auth.refresh_reused");
    expect(replay.cookies.find((x) => x.name === REFRESH_COOKIE)?.value).toBe("");
  });

  it("gives mobile clients the refresh token in the body and sets no cookie", async () => {
    const res = await call(
      "auth.login",
      { email: "shopper@example.com", password: "pass-word-1" },
      { "x-bazaar-client": "mobile" },
    );
    expect(res.json().result.data.json.refreshToken).toMatch(/^[\w-]{40,}$/);
    expect(res.cookies).toHaveLength(0);
  });

  it("answers bad input with 400 and field errors, never a stack", async () => {
    const res = await call("auth.register", { email: "nope", password: "x", name: "" });
    expect(res.statusCode).toBe(400);
    const err = res.json().error.json;
    expect(Object.keys(err.data.fieldErrors).sort()).toEqual(["email", "name", "password"]);
    expect(JSON.stringify(err)).not.toMatch(/stack|node_modules|\.ts:/);
  });

  it("answers an over-limit login with 429 and a Retry-After header", async () => {
    for (let i = 0; i < 3; i++)
      await call("auth.login", { email: "victim@example.com", password: "guess-123" });
    const res = await call("auth.login", { email: "victim@example.com", password: "guess-123" });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(res.json().error.json.data).toMatchObject({
      reason: "rate_limit.login.account",
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it("refuses a body over the limit with 413", async () => {
    const res = await call("auth.login", { email: "a@b.co", password: "p".repeat(10_000) });
    expect(res.statusCode).toBe(413);
  });

  it("echoes a request id and sends security headers", async () => {
    const res = await app.inject({ url: "/healthz", headers: { "x-request-id": "abc-123" } });
    expect(res.headers["x-request-id"]).toBe("abc-123");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("allows CORS with credentials for the web apps and no one else", async () => {
    const ok = await app.inject({
      method: "OPTIONS",
      url: "/trpc/auth.login",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(ok.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    expect(ok.headers["access-control-allow-credentials"]).toBe("true");
    const evil = await app.inject({
      method: "OPTIONS",
      url: "/trpc/auth.login",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
