import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const dir = () => mkdtempSync(join(tmpdir(), "bazaar-config-"));

describe("config", () => {
  it("runs on embedded defaults with nothing set", () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      redisUrl: undefined,
      runJobsInProcess: true,
      seedDemo: true,
    });
    expect(c.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.corsOrigins).toEqual([
      "http://localhost:5173",
      "http://localhost:5174",
      "http://localhost:5175",
      // The mobile app's web build in development (expo start --web).
      "http://localhost:8081",
    ]);
  });

  it("keeps the generated secret across restarts", () => {
    const d = dir();
    expect(loadConfig({ DATA_DIR: d }).authSecret).toBe(loadConfig({ DATA_DIR: d }).authSecret);
  });

  it("names every bad variable", () => {
    expect(() =>
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", REDIS_URL: "http://x" }),
    ).toThrowError(/PORT:.*\n.*DATABASE_URL: must be a PostgreSQL URL.*\n.*REDIS_URL: must be a Redis URL/s);
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: dir() })).toThrowError(
      /AUTH_SECRET: required in production/,
    );
  });

  it("switches to real services when their URLs are set", () => {
    const c = loadConfig({
      DATA_DIR: dir(),
      DATABASE_URL: "postgres://u:p@127.0.0.1/db",
      REDIS_URL: "redis://127.0.0.1:6379",
      SMTP_URL: "smtp://127.0.0.1:25",
    });
    expect(c).toMatchObject({ runJobsInProcess: false, seedDemo: false, smtpUrl: "smtp://127.0.0.1:25" });
  });

  it("configures Razorpay with all three values, or none", () => {
    const keys = {
      RAZORPAY_KEY_ID: "rzp_test_1DP5mmOlF5G5ag",
      RAZORPAY_KEY_SECRET: "key-secret",
      RAZORPAY_WEBHOOK_SECRET: "webhook-secret",
    };
    expect(loadConfig({ DATA_DIR: dir() }).razorpay).toBeUndefined();
    expect(
      loadConfig({ DATA_DIR: dir(), ...keys, RAZORPAY_API_URL: "http://127.0.0.1:4010" }).razorpay,
    ).toEqual({
      keyId: "rzp_test_1DP5mmOlF5G5ag",
      keySecret: "key-secret",
      webhookSecret: "webhook-secret",
      apiUrl: "http://127.0.0.1:4010",
      timeoutMs: 10_000,
    });
    expect(() => loadConfig({ DATA_DIR: dir(), ...keys, RAZORPAY_WEBHOOK_SECRET: "" })).toThrowError(
      /^Invalid configuration:\n {2}RAZORPAY_WEBHOOK_SECRET: required when any of/,
    );
    expect(() => loadConfig({ DATA_DIR: dir(), RAZORPAY_KEY_SECRET: "s" })).toThrowError(
      /RAZORPAY_KEY_ID: required.*\n.*RAZORPAY_WEBHOOK_SECRET: required/,
    );
    expect(() => loadConfig({ DATA_DIR: dir(), ...keys, RAZORPAY_KEY_ID: "key-secret" })).toThrowError(
      /RAZORPAY_KEY_ID: must look like rzp_test_/,
    );
    expect(() => loadConfig({ DATA_DIR: dir(), RAZORPAY_API_URL: "http://127.0.0.1:4010" })).toThrowError(
      /RAZORPAY_API_URL: needs RAZORPAY_KEY_ID/,
    );
  });

  it("configures Stripe with all three values, or none", () => {
    const keys = {
      STRIPE_SECRET_KEY: "sk_test_51Abc",
      STRIPE_PUBLISHABLE_KEY: "pk_test_51Abc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc123",
    };
    expect(loadConfig({ DATA_DIR: dir() }).stripe).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dir(), ...keys, STRIPE_API_URL: "http://127.0.0.1:4011" }).stripe).toEqual({
      secretKey: "sk_test_51Abc",
      publishableKey: "pk_test_51Abc",
      webhookSecret: "whsec_abc123",
      apiUrl: "http://127.0.0.1:4011",
    });
    expect(() => loadConfig({ DATA_DIR: dir(), ...keys, STRIPE_WEBHOOK_SECRET: "" })).toThrowError(
      /^Invalid configuration:\n {2}STRIPE_WEBHOOK_SECRET: required when any of/,
    );
    expect(() => loadConfig({ DATA_DIR: dir(), ...keys, STRIPE_SECRET_KEY: "pk_test_51Abc" })).toThrowError(
      /STRIPE_SECRET_KEY: must look like sk_test_/,
    );
    expect(() =>
      loadConfig({ DATA_DIR: dir(), ...keys, STRIPE_PUBLISHABLE_KEY: "sk_test_51Abc" }),
    ).toThrowError(/STRIPE_PUBLISHABLE_KEY: must look like pk_test_/);
    expect(() => loadConfig({ DATA_DIR: dir(), STRIPE_API_URL: "http://127.0.0.1:4011" })).toThrowError(
      /STRIPE_API_URL: needs STRIPE_SECRET_KEY/,
    );
  });

  it("requires at least one online gateway in production, Razorpay or Stripe, each all or nothing", () => {
    const prod = { NODE_ENV: "production", AUTH_SECRET: "a".repeat(48) };
    const rzp = {
      RAZORPAY_KEY_ID: "rzp_live_1DP5mmOlF5G5ag",
      RAZORPAY_KEY_SECRET: "key-secret",
      RAZORPAY_WEBHOOK_SECRET: "webhook-secret",
    };
    const stripe = {
      STRIPE_SECRET_KEY: "sk_live_51Abc",
      STRIPE_PUBLISHABLE_KEY: "pk_live_51Abc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc123",
    };
    // Neither: the message names every variable of both gateways.
    expect(() => loadConfig({ DATA_DIR: dir(), ...prod })).toThrowError(
      /^Invalid configuration:\n {2}RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET or STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET: production needs at least one online gateway/,
    );
    // Stripe alone, Razorpay alone, or both.
    const onlyStripe = loadConfig({ DATA_DIR: dir(), ...prod, ...stripe });
    expect([onlyStripe.razorpay, onlyStripe.stripe?.secretKey]).toEqual([undefined, "sk_live_51Abc"]);
    const onlyRzp = loadConfig({ DATA_DIR: dir(), ...prod, ...rzp });
    expect([onlyRzp.razorpay?.keyId, onlyRzp.stripe]).toEqual(["rzp_live_1DP5mmOlF5G5ag", undefined]);
    const both = loadConfig({ DATA_DIR: dir(), ...prod, ...rzp, ...stripe });
    expect([both.razorpay?.keyId, both.stripe?.secretKey]).toEqual([
      "rzp_live_1DP5mmOlF5G5ag",
      "sk_live_51Abc",
    ]);
    // Half a gateway is still refused, even beside a whole one.
    expect(() =>
      loadConfig({ DATA_DIR: dir(), ...prod, ...stripe, RAZORPAY_KEY_ID: "rzp_live_1DP5mmOlF5G5ag" }),
    ).toThrowError(/RAZORPAY_KEY_SECRET: required when any of/);
    expect(() =>
      loadConfig({ DATA_DIR: dir(), ...prod, ...rzp, STRIPE_SECRET_KEY: "sk_live_51Abc" }),
    ).toThrowError(/STRIPE_PUBLISHABLE_KEY: required when any of/);
  });

  it("believes only the proxy hops it is told to, never every X-Forwarded-For entry", () => {
    const trust = (v: string) => loadConfig({ DATA_DIR: dir(), TRUST_PROXY: v }).trustProxy;
    expect([trust("false"), trust("true"), trust("2"), trust("10.0.0.1, 10.1.0.0/16")]).toEqual([
      false,
      1,
      2,
      ["10.0.0.1", "10.1.0.0/16"],
    ]);
    expect(() => trust("everyone")).toThrow(/TRUST_PROXY/);
  });

  it("lets the dev payment page return to the app's deep links, never to a script scheme", () => {
    expect(loadConfig({ DATA_DIR: dir() }).appSchemes).toEqual(["bazaar:", "exp:"]);
    expect(
      loadConfig({ DATA_DIR: dir(), MOBILE_APP_SCHEMES: "bazaar://, javascript:, https:, shop-app" })
        .appSchemes,
    ).toEqual(["bazaar:", "shop-app:"]);
  });

  it("turns Google sign-in on with a client id, checking tokens against Google's keys by default", () => {
    expect(loadConfig({ DATA_DIR: dir() }).google).toBeUndefined();
    expect(
      loadConfig({ DATA_DIR: dir(), GOOGLE_CLIENT_ID: "1-a.apps.googleusercontent.com" }).google,
    ).toEqual({
      clientId: "1-a.apps.googleusercontent.com",
      jwksUrl: "https://www.googleapis.com/oauth2/v3/certs",
    });
    expect(() => loadConfig({ DATA_DIR: dir(), GOOGLE_CLIENT_ID: "x", GOOGLE_JWKS_URL: "ftp://x" })).toThrow(
      /GOOGLE_JWKS_URL: must be a http\(s\) URL/,
    );
  });

  it("treats empty values from a copied .env.example as unset", () => {
    expect(loadConfig({ DATA_DIR: dir(), DATABASE_URL: "", PORT: "" }).databaseUrl).toBeUndefined();
  });
});
