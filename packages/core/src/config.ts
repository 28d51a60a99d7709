import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DbTimeouts } from "@bazaar/db";
import { z } from "zod";
import type { CloudinaryOptions } from "./media/cloudinary-store";
import type { RazorpayOptions } from "./payments/razorpay-gateway";
import type { StripeOptions } from "./payments/stripe-gateway";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
/**
 * Which X-Forwarded-For hops to believe: false (none), true (the one proxy in front), a hop
 * count, or the proxies' addresses/CIDRs. Never "every hop": the leftmost entry is whatever
 * the client wrote, and the audit log records this IP.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): false | number | string[] => {
    const lower = v.toLowerCase();
    if (["false", "0", "no"].includes(lower)) return false;
    if (["true", "yes"].includes(lower)) return 1;
    if (/^[1-9]\d?$/.test(v)) return Number(v);
    const list = v
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    if (list.length && list.every((a) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a))) return list;
    ctx.addIssue({
      code: "custom",
      message:
        "must be false, true (one proxy in front), a hop count, or a comma-separated list of proxy IPs/CIDRs",
    });
    return z.NEVER;
  });
const optionalUrl = (protocols: string[], what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must be a ${what} URL (${protocols.join(" or ")}…)`,
    });
/** cloudinary://API_KEY:API_SECRET@CLOUD_NAME[?upload_prefix=…]; the message never repeats the secret. */
const cloudinaryUrl = z
  .string()
  .trim()
  .transform((v, ctx): CloudinaryOptions => {
    const shape = "must look like cloudinary://API_KEY:API_SECRET@CLOUD_NAME";
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      ctx.addIssue({ code: "custom", message: shape });
      return z.NEVER;
    }
    if (u.protocol !== "cloudinary:" || !u.username || !u.password || !u.hostname) {
      ctx.addIssue({ code: "custom", message: shape });
      return z.NEVER;
    }
    const uploadPrefix = u.searchParams.get("upload_prefix") ?? undefined;
    if (uploadPrefix !== undefined && !/^https?:\/\/[^/]/.test(uploadPrefix)) {
      ctx.addIssue({ code: "custom", message: "upload_prefix must be an http(s) URL" });
      return z.NEVER;
    }
    return {
      cloudName: decodeURIComponent(u.hostname),
      apiKey: decodeURIComponent(u.username),
      apiSecret: decodeURIComponent(u.password),
      ...(uploadPrefix && { uploadPrefix }),
    };
  });

/**
 * Every variable the processes read. Parsed once at start; anything wrong stops the
 * process with a message naming the variable. Documented in .env.example.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: optionalUrl(["postgres://", "postgresql://"], "PostgreSQL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  REDIS_URL: optionalUrl(["redis://", "rediss://"], "Redis"),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  SMTP_URL: optionalUrl(["smtp://", "smtps://"], "SMTP"),
  MAIL_FROM: z.string().min(3).default("Bazaar <no-reply@bazaar.local>"),
  UNSUBSCRIBE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  UNSUBSCRIBE_MAILTO: z.email({ message: "must be an email address" }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  CUSTOMER_WEB_URL: z.url().default("http://localhost:5173"),
  SELLER_WEB_URL: z.url().default("http://localhost:5174"),
  ADMIN_WEB_URL: z.url().default("http://localhost:5175"),
  /** The mobile app's web build (`expo start --web` serves it on 8081); allowed by CORS unless CORS_ORIGINS is set. */
  MOBILE_WEB_URL: z.url().default("http://localhost:8081"),
  /** Deep-link schemes the dev payment page may send the mobile app back to ("bazaar:"; "exp:" for Expo Go outside production). */
  MOBILE_APP_SCHEMES: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  TRUST_PROXY: trustProxy.default(false),
  COOKIE_SECURE: bool.optional(),
  SEED_DEMO: bool.optional(),
  RUN_JOBS_IN_PROCESS: bool.optional(),
  CLOUDINARY_URL: cloudinaryUrl.optional(),
  PUBLIC_API_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  RAZORPAY_KEY_ID: z
    .string()
    .trim()
    .regex(/^rzp_(test|live)_\w+$/, "must look like rzp_test_… or rzp_live_… (Dashboard → API Keys)")
    .optional(),
  RAZORPAY_KEY_SECRET: z.string().trim().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().trim().min(1).optional(),
  RAZORPAY_API_URL: optionalUrl(["http://", "https://"], "http(s)"),
  RAZORPAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .regex(
      /^(sk|rk)_(test|live)_\w+$/,
      "must look like sk_test_… or sk_live_… (Dashboard → Developers → API keys)",
    )
    .optional(),
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .trim()
    .regex(/^pk_(test|live)_\w+$/, "must look like pk_test_… or pk_live_…")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^whsec_\w+$/, "must look like whsec_…")
    .optional(),
  STRIPE_API_URL: optionalUrl(["http://", "https://"], "http(s)"),
  ORDER_PAYMENT_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  PAYMENT_RECONCILE_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  PAYMENT_RECONCILE_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  SWEEP_EVERY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  SOLD_COUNTS_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  ANALYTICS_FOLD_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  WEBHOOKS_ALLOW_HTTP_LOOPBACK: bool.optional(),
  WEBHOOKS_DISPATCH_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  WEBHOOKS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  LIVE_SESSION_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Set: "Sign in with Google" is on for this OAuth client id (the ID token's audience). */
  GOOGLE_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
  GOOGLE_JWKS_URL: optionalUrl(["http://", "https://"], "http(s)"),
  SWEEP_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .default(60),
});

/** Google's published signing keys for its ID tokens. */
const GOOGLE_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs";

const RAZORPAY_KEYS = ["RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_WEBHOOK_SECRET"] as const;
const STRIPE_KEYS = ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"] as const;

/** Production without a real gateway: which variables to set, for either. */
export const NO_ONLINE_GATEWAY = `Invalid configuration:
  ${RAZORPAY_KEYS.join(", ")} or ${STRIPE_KEYS.join(", ")}: production needs at least one online gateway; set all three values of Razorpay, of Stripe, or both (the dev gateway takes no money)`;

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  databaseTimeouts: DbTimeouts;
  redisUrl: string | undefined;
  /** A Redis command unanswered this long fails, so a request falls back instead of waiting. */
  redisCommandTimeoutMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Signs one-click unsubscribe links; unset, a key derived from `authSecret` is used. */
  unsubscribeSecret: string | undefined;
  /** Set: List-Unsubscribe also offers this mailbox (mailto:). */
  unsubscribeMailto: string | undefined;
  authSecret: string;
  bcryptCost: number;
  urls: { customer: string; seller: string; admin: string };
  corsOrigins: string[];
  /** `scheme:` entries: where the dev payment page may return to besides corsOrigins (the app's deep links). */
  appSchemes: string[];
  bodyLimitBytes: number;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: false | number | string[];
  cookieSecure: boolean;
  seedDemo: boolean;
  /** Without Redis there is no separate worker, so the server runs the jobs. */
  runJobsInProcess: boolean;
  /** Set: uploads go to Cloudinary. Unset: to `mediaDir`, served by the API at /media. */
  cloudinary: CloudinaryOptions | undefined;
  mediaDir: string;
  /** The API's public origin, for absolute URLs of locally stored media. */
  publicApiUrl: string;
  /** Set: payments go through Razorpay. Unset: through the in-process dev gateway. */
  razorpay?: RazorpayOptions;
  /** Set: Stripe is a second gateway the admin may turn on. Unset: Stripe is never offered. */
  stripe?: StripeOptions;
  orders: { paymentTimeoutMs: number; reconcileAfterMs: number; reconcileEveryMs: number };
  /** How often the sweep re-drives work whose job was lost (expiries, emails, webhooks, refunds). */
  sweepEveryMs: number;
  /** Work younger than this is left to its own job by the sweep. */
  sweepGraceMs: number;
  /** How often orders' units sold are added to products' sold counts (best-selling lags by this). */
  soldCountsEveryMs: number;
  /** How often new orders are added to the analytics rollups (dashboards also add them before reading). */
  analyticsFoldEveryMs: number;
  /** How often an open live stream checks that its session is still live. */
  liveRecheckMs: number;
  /**
   * Outbound webhooks: http to loopback allowed (never by default); internal addresses
   * refused (production); each POST's limit; how often due events are queued.
   */
  /** Set: "Sign in with Google" is on; ID tokens must name `clientId` and be signed by a key at `jwksUrl`. */
  google: { clientId: string; jwksUrl: string } | undefined;
  webhooks: {
    allowHttpLoopback: boolean;
    blockPrivateAddresses: boolean;
    timeoutMs: number;
    dispatchEveryMs: number;
  };
};

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings from a copied .env.example mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const production = e.NODE_ENV === "production";
  if (production && !e.AUTH_SECRET)
    throw new ConfigError("Invalid configuration:\n  AUTH_SECRET: required in production");
  const urls = { customer: e.CUSTOMER_WEB_URL, seller: e.SELLER_WEB_URL, admin: e.ADMIN_WEB_URL };
  // All three Razorpay values or none: half a configuration would fail at the first payment.
  const missing = RAZORPAY_KEYS.filter((k) => !e[k]);
  const rzpLine = (k: string) => `  ${k}: required when any of ${RAZORPAY_KEYS.join(", ")} is set`;
  if (missing.length > 0 && missing.length < RAZORPAY_KEYS.length)
    throw new ConfigError(`Invalid configuration:\n${missing.map(rzpLine).join("\n")}`);
  if (missing.length > 0 && e.RAZORPAY_API_URL)
    throw new ConfigError(`Invalid configuration:\n  RAZORPAY_API_URL: needs ${RAZORPAY_KEYS.join(", ")}`);
  // The same for Stripe's three values.
  const noStripe = STRIPE_KEYS.filter((k) => !e[k]);
  const stripeLine = (k: string) => `  ${k}: required when any of ${STRIPE_KEYS.join(", ")} is set`;
  if (noStripe.length > 0 && noStripe.length < STRIPE_KEYS.length)
    throw new ConfigError(`Invalid configuration:\n${noStripe.map(stripeLine).join("\n")}`);
  if (noStripe.length > 0 && e.STRIPE_API_URL)
    throw new ConfigError(`Invalid configuration:\n  STRIPE_API_URL: needs ${STRIPE_KEYS.join(", ")}`);
  // Production takes real money through at least one gateway; either will do (the dev gateway
  // would mark orders paid for nothing). Stripe alone: Razorpay is simply not offered.
  if (production && missing.length > 0 && noStripe.length > 0) throw new ConfigError(NO_ONLINE_GATEWAY);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseTimeouts: {
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    redisUrl: e.REDIS_URL,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    unsubscribeSecret: e.UNSUBSCRIBE_SECRET,
    unsubscribeMailto: e.UNSUBSCRIBE_MAILTO,
    authSecret: e.AUTH_SECRET ?? localSecret(dataDir),
    bcryptCost: e.BCRYPT_COST,
    urls,
    corsOrigins: e.CORS_ORIGINS
      ? e.CORS_ORIGINS.split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [...Object.values(urls), e.MOBILE_WEB_URL].map((u) => new URL(u).origin),
    appSchemes: (e.MOBILE_APP_SCHEMES ?? (production ? "bazaar:" : "bazaar:,exp:"))
      .split(",")
      .map((v) => v.trim().replace(/:?\/*$/, ":"))
      .filter(
        (v) =>
          /^[a-z][a-z0-9+.-]*:$/.test(v) && !["javascript:", "data:", "file:", "http:", "https:"].includes(v),
      ),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? production,
    seedDemo: e.SEED_DEMO ?? (!production && !e.DATABASE_URL),
    // PGlite lives inside one process, so a separate worker needs PostgreSQL as well as Redis.
    runJobsInProcess: e.RUN_JOBS_IN_PROCESS ?? !(e.REDIS_URL && e.DATABASE_URL),
    cloudinary: e.CLOUDINARY_URL,
    mediaDir: join(dataDir, "media"),
    publicApiUrl: (e.PUBLIC_API_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ""),
    orders: {
      paymentTimeoutMs: e.ORDER_PAYMENT_TIMEOUT_MINUTES * 60_000,
      reconcileAfterMs: e.PAYMENT_RECONCILE_AFTER_MINUTES * 60_000,
      reconcileEveryMs: e.PAYMENT_RECONCILE_EVERY_MINUTES * 60_000,
    },
    sweepEveryMs: e.SWEEP_EVERY_SECONDS * 1000,
    sweepGraceMs: e.SWEEP_GRACE_SECONDS * 1000,
    soldCountsEveryMs: e.SOLD_COUNTS_EVERY_SECONDS * 1000,
    analyticsFoldEveryMs: e.ANALYTICS_FOLD_EVERY_SECONDS * 1000,
    liveRecheckMs: e.LIVE_SESSION_RECHECK_SECONDS * 1000,
    webhooks: {
      allowHttpLoopback: e.WEBHOOKS_ALLOW_HTTP_LOOPBACK ?? false,
      blockPrivateAddresses: production,
      timeoutMs: e.WEBHOOKS_TIMEOUT_SECONDS * 1000,
      dispatchEveryMs: e.WEBHOOKS_DISPATCH_EVERY_SECONDS * 1000,
    },
    google: e.GOOGLE_CLIENT_ID
      ? { clientId: e.GOOGLE_CLIENT_ID, jwksUrl: e.GOOGLE_JWKS_URL ?? GOOGLE_JWKS_URL }
      : undefined,
    ...(e.RAZORPAY_KEY_ID &&
      e.RAZORPAY_KEY_SECRET &&
      e.RAZORPAY_WEBHOOK_SECRET && {
        razorpay: {
          keyId: e.RAZORPAY_KEY_ID,
          keySecret: e.RAZORPAY_KEY_SECRET,
          webhookSecret: e.RAZORPAY_WEBHOOK_SECRET,
          timeoutMs: e.RAZORPAY_TIMEOUT_MS,
          ...(e.RAZORPAY_API_URL && { apiUrl: e.RAZORPAY_API_URL }),
        },
      }),
    ...(e.STRIPE_SECRET_KEY &&
      e.STRIPE_PUBLISHABLE_KEY &&
      e.STRIPE_WEBHOOK_SECRET && {
        stripe: {
          secretKey: e.STRIPE_SECRET_KEY,
          publishableKey: e.STRIPE_PUBLISHABLE_KEY,
          webhookSecret: e.STRIPE_WEBHOOK_SECRET,
          ...(e.STRIPE_API_URL && { apiUrl: e.STRIPE_API_URL }),
        },
      }),
  };
}

/** Embedded default: a random secret kept under DATA_DIR, so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  try {
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  } catch (error) {
    // The first thing written under DATA_DIR: a path that cannot hold a directory is a setting at fault.
    const code = (error as { code?: string }).code;
    throw new ConfigError(
      `DATA_DIR ${dataDir}: cannot write ${file} (${code ?? (error as Error).message}): set DATA_DIR to a writable directory, or AUTH_SECRET`,
    );
  }
}
