import { createVerifiedUser, DomainError } from "@bazaar/core";
import { createTestContext, signInForTest as login, type TestContext } from "@bazaar/core/testing";
import { createDb, sellers } from "@bazaar/db";
import type { Role } from "@bazaar/schemas";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorData } from "./errors";
import { testHttp } from "./testing/http";
import {
  adminProcedure,
  authedProcedure,
  createCallerFactory,
  customerProcedure,
  publicProcedure,
  router,
  sellerProcedure,
} from "./trpc";

// One procedure per builder, so every gate is exercised exactly as routers use it.
const gates = router({
  public: publicProcedure.query(() => "public"),
  authed: authedProcedure.query(({ ctx }) => ctx.actor.role),
  customer: customerProcedure.query(() => "customer"),
  seller: sellerProcedure.query(() => "seller"),
  admin: adminProcedure.query(() => "admin"),
});
const caller = createCallerFactory(gates);

let t: TestContext;
const tokens: Partial<Record<Role, string>> = {};
beforeAll(async () => {
  t = await createTestContext();
  for (const role of ["customer", "seller", "admin"] as const) {
    const user = await createVerifiedUser(t.deps, {
      email: `${role}@example.com`,
      name: role,
      password: "pass-word-1",
      role,
    });
    if (role === "seller") await insertShop(user.id, "approved");
    tokens[role] = (
      await login(
        t.deps,
        { ip: null, userAgent: null },
        { email: `${role}@example.com`, password: "pass-word-1" },
      )
    ).accessToken;
  }
});
afterAll(() => t.close());

async function insertShop(userId: string, status: "pending" | "approved" | "suspended") {
  await t.deps.db.insert(sellers).values({
    userId,
    shopName: `Shop ${userId.slice(0, 6)}`,
    slug: `shop-${userId.slice(0, 8)}`,
    contactEmail: "shop@example.com",
    contactPhone: "+919876543210",
    pickupAddress: {
      name: "S",
      phone: "+919876543210",
      line1: "1 Road",
      city: "Pune",
      state: "Maharashtra",
      pincode: "411001",
    },
    bankAccountHolder: "S",
    bankAccountEncrypted: "x",
    bankAccountLast4: "1234",
    bankIfsc: "HDFC0001234",
    status,
  });
}

const http = (accessToken: string | null) => testHttp({ accessToken });
const as = (who: Role | "anonymous") =>
  caller({ deps: t.deps, http: http(who === "anonymous" ? null : tokens[who]!) });

const outcome = async (p: Promise<unknown>) => {
  try {
    return await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return e.code;
  }
};

describe("role gates", () => {
  const expected: Record<string, Record<Role | "anonymous", unknown>> = {
    public: { anonymous: "public", customer: "public", seller: "public", admin: "public" },
    authed: { anonymous: "UNAUTHORIZED", customer: "customer", seller: "seller", admin: "admin" },
    customer: { anonymous: "UNAUTHORIZED", customer: "customer", seller: "FORBIDDEN", admin: "FORBIDDEN" },
    seller: { anonymous: "UNAUTHORIZED", customer: "FORBIDDEN", seller: "seller", admin: "FORBIDDEN" },
    admin: { anonymous: "UNAUTHORIZED", customer: "FORBIDDEN", seller: "FORBIDDEN", admin: "admin" },
  };
  for (const [procedure, byRole] of Object.entries(expected)) {
    for (const [who, want] of Object.entries(byRole)) {
      it(`${procedure} procedure as ${who} → ${String(want)}`, async () => {
        const c = as(who as Role | "anonymous") as unknown as Record<string, () => Promise<unknown>>;
        expect(await outcome(c[procedure]!())).toBe(want);
      });
    }
  }

  for (const status of ["pending", "suspended"] as const) {
    it(`seller procedure refuses a seller whose shop is ${status}`, async () => {
      const email = `${status}-seller@example.com`;
      const user = await createVerifiedUser(t.deps, {
        email,
        name: status,
        password: "pass-word-1",
        role: "seller",
      });
      await insertShop(user.id, status);
      const { accessToken } = await login(
        t.deps,
        { ip: null, userAgent: null },
        { email, password: "pass-word-1" },
      );
      const c = caller({ deps: t.deps, http: http(accessToken) });
      expect(await outcome(c.seller())).toBe("FORBIDDEN");
      expect(await outcome(c.authed())).toBe("seller");
    });
  }

  it("refuses a garbage bearer token as UNAUTHORIZED, not a 500", async () => {
    const c = caller({ deps: t.deps, http: http("not.a.jwt") });
    expect(await outcome(c.authed())).toBe("UNAUTHORIZED");
  });
});

describe("the patched option copies (patches/@trpc__server@11.22.1.patch)", () => {
  const marker = Symbol("marker");
  // What a middleware adds reaches the procedure, over every level; an own `__proto__` key
  // (as parsed JSON has) stays a key and never becomes the context's prototype.
  const merged = router({
    ctx: publicProcedure
      .use(({ next }) => next({ ctx: { first: 1, [marker]: "kept" } }))
      .use(({ next }) => next({ ctx: JSON.parse('{"__proto__": {"polluted": true}, "second": 2}') }))
      .input((raw) => raw as Record<string, unknown>)
      .query(({ ctx, input }) => {
        const c = ctx as unknown as Record<string | symbol, unknown>;
        return {
          first: c.first,
          second: c.second,
          marker: c[marker],
          polluted: c.polluted,
          prototype: Object.getPrototypeOf(ctx) === Object.prototype,
          deps: ctx.deps === t.deps ? "same" : "scoped",
          input,
        };
      }),
  });

  it("merges each level's context and keeps keys as keys", async () => {
    const out = await createCallerFactory(merged)({ deps: t.deps, http: http(null) }).ctx({ a: 1 });
    expect(out).toEqual({
      first: 1,
      second: 2,
      marker: "kept",
      polluted: undefined,
      prototype: true,
      // Every call gets its own audit-scoped handle (withAuditScope).
      deps: "scoped",
      input: { a: 1 },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("error mapping", () => {
  // A value PostgreSQL refuses, reached through the ORM exactly as a use case would.
  const badUuid = (deps: TestContext["deps"]) =>
    deps.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, "-".repeat(36)) });
  const nowhere = createDb({ url: "postgres://bazaar:x@127.0.0.1:1/none", timeouts: { connectMs: 2_000 } });

  const mapped = router({
    badValue: publicProcedure.query(({ ctx }) => badUuid(ctx.deps)),
    dbDown: publicProcedure.query(async () => (await nowhere).db.query.users.findFirst()),
    refusedStream: authedProcedure.subscription(async function* ({ ctx }) {
      if (ctx.actor.role === "admin")
        throw new DomainError("FORBIDDEN", "auth.role_required", "Not for admins");
      yield await badUuid(ctx.deps);
    }),
  });
  const call = (who: Role | "anonymous", log = t.deps.log) =>
    createCallerFactory(mapped)({
      deps: { ...t.deps, log },
      http: http(who === "anonymous" ? null : tokens[who]!),
    });
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof TRPCError) return errorData(e, { code: e.code, httpStatus: 0 });
      throw e;
    }
    throw new Error("expected a failure");
  };
  const firstOf = async (stream: Promise<AsyncIterable<unknown>>) => {
    for await (const value of await stream) return value;
  };

  afterAll(async () => (await nowhere).close());

  it("answers a value the database refuses as BAD_REQUEST, not a crash", async () => {
    expect(await failure(call("anonymous").badValue())).toMatchObject({
      code: "BAD_REQUEST",
      reason: "validation.invalid_value",
    });
  });

  it("answers an unreachable database as SERVICE_UNAVAILABLE, and warns in the log", async () => {
    const warnings: object[] = [];
    const log = { ...t.deps.log, warn: (obj: object) => void warnings.push(obj) };
    expect(await failure(call("anonymous", log).dbDown())).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      reason: "service.unavailable",
    });
    expect(warnings).toHaveLength(1);
  });

  it("maps what a subscription throws while it streams, like any other error", async () => {
    expect(await failure(firstOf(call("admin").refusedStream()))).toMatchObject({
      code: "FORBIDDEN",
      reason: "auth.role_required",
    });
    expect(await failure(firstOf(call("customer").refusedStream()))).toMatchObject({
      code: "BAD_REQUEST",
      reason: "validation.invalid_value",
    });
    expect(await failure(firstOf(call("anonymous").refusedStream()))).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
