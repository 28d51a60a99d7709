import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../identity/create-user";
import { login } from "../identity/login";
import { requestPasswordReset } from "../identity/request-password-reset";
import { createTestContext, type TestContext } from "../testing";
import { createRateLimiter } from "./rate-limit";
import { connectRedis } from "./redis";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({
    limits: { "login.account": { points: 3, duration: 900 }, "login.ip": { points: 5, duration: 900 } },
  });
  await createVerifiedUser(t.deps, {
    email: "target@example.com",
    name: "T",
    password: "right-pass-1",
    role: "customer",
  });
});
afterAll(() => t.close());

describe("rate limits", () => {
  it("stops guessing one account's password, with a retry-after, even from many IPs", async () => {
    for (let i = 0; i < 3; i++) {
      await expect(
        login(
          t.deps,
          { ip: `10.0.0.${i}`, userAgent: null },
          { email: "target@example.com", password: "guess-1" },
        ),
      ).rejects.toMatchObject({ reason: "auth.invalid_credentials" });
    }
    const err = await login(
      t.deps,
      { ip: "10.0.0.99", userAgent: null },
      { email: "target@example.com", password: "right-pass-1" },
    ).catch((e) => e);
    expect(err).toMatchObject({ code: "RATE_LIMITED", reason: "rate_limit.login.account" });
    expect(err.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(err.details.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it("stops one IP spraying many accounts", async () => {
    const ip = { ip: "10.9.9.9", userAgent: null };
    for (let i = 0; i < 5; i++) {
      await expect(
        login(t.deps, ip, { email: `someone${i}@example.com`, password: "guess-1" }),
      ).rejects.toMatchObject({
        reason: "auth.invalid_credentials",
      });
    }
    await expect(
      login(t.deps, ip, { email: "other@example.com", password: "guess-1" }),
    ).rejects.toMatchObject({
      reason: "rate_limit.login.ip",
    });
  });

  it("caps reset requests per email whether or not the account exists", async () => {
    for (const email of ["target@example.com", "nobody@example.com"]) {
      for (let i = 0; i < 3; i++)
        await requestPasswordReset(t.deps, { ip: `10.1.1.${i}`, userAgent: null }, { email });
      await expect(
        requestPasswordReset(t.deps, { ip: "10.1.1.50", userAgent: null }, { email }),
      ).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
    }
  });
});

describe.runIf(process.env.REDIS_URL)("rate limits in Redis", () => {
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const connect = () => connectRedis(process.env.REDIS_URL!, { commandTimeoutMs: 1000, log: silent });

  it("are shared by every limiter on the same Redis, as by several servers", async () => {
    const a = await connect();
    const b = await connect();
    const prefix = `test:${Math.random()}`;
    const limits = { "login.account": { points: 2, duration: 60 } };
    const serverA = createRateLimiter({ redis: a, limits, prefix });
    const serverB = createRateLimiter({ redis: b, limits, prefix });
    try {
      await serverA.consume("login.account", "x@example.com");
      await serverB.consume("login.account", "x@example.com");
      await expect(serverA.consume("login.account", "x@example.com")).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
      // check() reads the shared count without adding to it.
      await expect(serverB.check("login.account", "x@example.com")).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
      await serverB.reset("login.account", "x@example.com");
      await serverA.check("login.account", "x@example.com");
      await serverA.check("login.account", "x@example.com");
      await serverA.consume("login.account", "x@example.com");
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});

describe("rate limits without their Redis", () => {
  it("hold in memory, at the same rates, instead of failing or waiting", async () => {
    const { Redis } = await import("ioredis");
    // A server that is not there: every command would fail, and nothing may wait for it.
    const gone = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, retryStrategy: () => 50 });
    gone.on("error", () => {});
    const limiter = createRateLimiter({
      redis: gone,
      limits: { "login.account": { points: 3, duration: 60 } },
      prefix: `test:${Math.random()}`,
    });
    try {
      const started = Date.now();
      for (let i = 3; i > 0; i--)
        expect(await limiter.consume("login.account", "y@example.com")).toEqual({ remaining: i - 1 });
      await expect(limiter.consume("login.account", "y@example.com")).rejects.toMatchObject({
        code: "RATE_LIMITED",
      });
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      gone.disconnect();
    }
  });
});
