import { randomUUID } from "node:crypto";
import { type AppRouter, appRouter, createContext, type HttpExchange } from "@bazaar/api";
import { type Config, DomainError, type Runtime } from "@bazaar/core";
import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from "fastify";
import { bearerToken } from "./bearer";
import { catalogCsvRoutes } from "./catalog-csv-routes";
import { docsRoutes } from "./docs-routes";
import { mediaRoutes } from "./media-routes";
import { moneyRoutes } from "./money-routes";
import { orderRoutes } from "./order-routes";
import { OneLinePerRequest } from "./request-log";
import { restRoutes } from "./rest-routes";
import { type TrpcOptions, trpcRoutes } from "./trpc-routes";
import { unsubscribeRoutes } from "./unsubscribe-routes";

export const REFRESH_COOKIE = "bazaar_rt";
export const CART_COOKIE = "bazaar_cart";
/** "Remember this device" (#16): lets a browser that passed the second factor skip it for 30 days. */
export const DEVICE_COOKIE = "bazaar_device";
export const MAX_BATCH_SIZE = 20;

const tokenParam = (params: Record<string, string | undefined> | null | undefined) =>
  typeof params?.token === "string" && params.token ? params.token : null;

/** A hop count as the function Fastify's types accept (the same rule: the first n hops are proxies). */
const trustProxyOption = (t: Config["trustProxy"]) =>
  typeof t === "number" ? (_address: string, hop: number) => hop < t : t;

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || null;

/**
 * The whole HTTP surface as one Fastify instance. `main.ts` only boots it; tests build
 * the same app around a test runtime and drive it with `inject`.
 */
export async function buildApp(runtime: Runtime, config: Config, loggerInstance?: FastifyBaseLogger) {
  const app = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    // tRPC batches put several procedure names in the path.
    routerOptions: { maxParamLength: 5000 },
    logController: new OneLinePerRequest(),
  });

  // helmet's headers depend only on its options: worked out once, then copied onto each reply.
  const securityHeaders = await helmetHeaders();
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  app.addHook("onSend", (req, reply, _payload, done) => {
    reply.header("x-request-id", req.id);
    done();
  });

  await app.register(cors, {
    origin: config.corsOrigins,
    credentials: true,
    allowedHeaders: [
      "content-type",
      "authorization",
      "x-bazaar-client",
      "x-bazaar-cart",
      "x-bazaar-device",
      "x-request-id",
      "trpc-accept",
      "x-api-key",
    ],
    exposedHeaders: ["x-request-id", "retry-after"],
  });
  await app.register(cookie);
  // POST /api/media, and GET /media/* when files are on local disk.
  await app.register(mediaRoutes, { runtime });
  // POST /webhooks/razorpay, GET /api/invoices/:id, GET /track/:code/qr.(png|svg), and the dev gateway page.
  // The dev payment page may also return to the mobile app's deep links (config.appSchemes).
  await app.register(orderRoutes, { runtime, corsOrigins: [...config.corsOrigins, ...config.appSchemes] });
  // GET /api/statements/:month.(csv|pdf), the admin's per seller, and GET /api/admin/payouts/export.csv.
  await app.register(moneyRoutes, { runtime });
  // GET /api/seller/catalog.csv, POST /api/seller/catalog-imports, GET …/:id/errors.csv (#16).
  await app.register(catalogCsvRoutes, { runtime });
  // GET/POST /unsubscribe?token=…: one-click unsubscribe from email (RFC 8058), no sign-in.
  await app.register(unsubscribeRoutes, { runtime });
  // The REST bridge for integrators at /api/v1 (+ /api/v1/openapi.json) and its docs at /docs (#16).
  await restRoutes(app, { runtime });
  await docsRoutes(app);

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_req, reply) => {
    const checks = await runtime.ready();
    const ok = Object.values(checks).every((v) => v === "ok");
    return reply.code(ok ? 200 : 503).send({ status: ok ? "ready" : "not_ready", checks });
  });

  await trpcRoutes(app, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      // Each call of a batch is run (and rate-limited) on its own; the cap keeps one request
      // from carrying hundreds of them, e.g. password guesses.
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res, info }) =>
        createContext(runtime.deps, new FastifyExchange(req, res, info, config.cookieSecure)),
      responseMeta({ errors }) {
        const limited = errors.find((e) => e.cause instanceof DomainError && e.cause.code === "RATE_LIMITED");
        const retry = (limited?.cause as DomainError | undefined)?.details?.retryAfterSeconds;
        return retry ? { headers: { "retry-after": String(retry) } } : {};
      },
      onError({ error, path, req }) {
        // Expected failures are the client's business; only the unexpected is logged, once.
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    } satisfies TrpcOptions<AppRouter>,
  });

  return app;
}

/**
 * What the API sees of one request (HttpExchange), as a class: its cookie setters are
 * methods, not closures made per request (with the bundle's keepNames each closure is also
 * named at run time, ~2% of a cached read).
 */
class FastifyExchange implements HttpExchange {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly client: "web" | "mobile";
  readonly accessToken: string | null;
  readonly apiKey: string | null;
  readonly refreshCookie: string | null;
  readonly cartToken: string | null;
  readonly trustedDeviceToken: string | null;

  constructor(
    req: FastifyRequest,
    private readonly res: FastifyReply,
    info: { connectionParams?: Record<string, string | undefined> | null } | undefined,
    private readonly cookieSecure: boolean,
  ) {
    // A client may send its own x-request-id (to follow a call through the logs): capped.
    this.requestId = String(req.id).slice(0, 100);
    this.ip = req.ip ?? null;
    this.userAgent = req.headers["user-agent"] ?? null;
    this.client = req.headers["x-bazaar-client"] === "mobile" ? "mobile" : "web";
    // EventSource cannot send headers: live subscriptions pass the token as a connection param.
    this.accessToken = bearerToken(req) ?? tokenParam(info?.connectionParams);
    // A seller API key (#16); `Authorization: Bearer bz_live_…` arrives as the access token.
    this.apiKey = header(req.headers["x-api-key"]);
    this.refreshCookie = req.cookies[REFRESH_COOKIE] ?? null;
    this.cartToken = header(req.headers["x-bazaar-cart"]) ?? req.cookies[CART_COOKIE] ?? null;
    this.trustedDeviceToken = header(req.headers["x-bazaar-device"]) ?? req.cookies[DEVICE_COOKIE] ?? null;
  }

  private set(name: string, token: string, expires: Date) {
    this.res.setCookie(name, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: this.cookieSecure,
      path: "/trpc",
      expires,
    });
  }
  setRefreshCookie(token: string, expires: Date) {
    this.set(REFRESH_COOKIE, token, expires);
  }
  clearRefreshCookie() {
    this.res.clearCookie(REFRESH_COOKIE, { path: "/trpc" });
  }
  setCartCookie(token: string, expires: Date) {
    this.set(CART_COOKIE, token, expires);
  }
  clearCartCookie() {
    this.res.clearCookie(CART_COOKIE, { path: "/trpc" });
  }
  setTrustedDeviceCookie(token: string, expires: Date) {
    this.set(DEVICE_COOKIE, token, expires);
  }
  clearTrustedDeviceCookie() {
    this.res.clearCookie(DEVICE_COOKIE, { path: "/trpc" });
  }
}

/** The headers @fastify/helmet sets with our options, read once from a throwaway app. */
async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, { global: true });
  probe.get("/", async () => "");
  const res = await probe.inject({ url: "/" });
  await probe.close();
  const { "content-type": _t, "content-length": _l, date: _d, connection: _c, ...headers } = res.headers;
  return headers as Record<string, string>;
}
