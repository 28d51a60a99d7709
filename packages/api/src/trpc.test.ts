import { createVerifiedUser, login } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import type { Role } from "@bazaar/schemas";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpExchange } from "./context";
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
    await createVerifiedUser(t.deps, {
      email: `${role}@example.com`,
      name: role,
      password: "pass-word-1",
      role,
    });
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

const http = (accessToken: string | null): HttpExchange => ({
  ip: "127.0.0.1",
  userAgent: "vitest",
  client: "web",
  accessToken,
  refreshCookie: null,
  setRefreshCookie() {},
  clearRefreshCookie() {},
});
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

  it("refuses a garbage bearer token as UNAUTHORIZED, not a 500", async () => {
    const c = caller({ deps: t.deps, http: http("not.a.jwt") });
    expect(await outcome(c.authed())).toBe("UNAUTHORIZED");
  });
});
