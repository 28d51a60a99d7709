import { randomUUID } from "node:crypto";
import { appRouter } from "@bazaar/api";
import { createVerifiedUser, defaultLimits, loadConfig, startConversation } from "@bazaar/core";
import {
  createTestContext,
  signInForTest as login,
  orderFixture,
  type TestContext,
} from "@bazaar/core/testing";
import {
  addresses,
  cartItems,
  categories,
  conversations,
  coupons,
  media,
  messages,
  orders,
  products,
  productVariants,
  saleEvents,
  sellers,
  sessions,
  subOrders,
  users,
} from "@bazaar/db";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { inputsOf, type ZodLike } from "./zod-arbitrary";

/**
 * No input makes the API answer 5xx or hang. Generated from the router itself: every query
 * and mutation in `appRouter._def.procedures` is called over the real HTTP app (Fastify,
 * the tRPC adapter, superjson, zod, core, SQL) with inputs derived from its own zod schema
 * plus hostile variants, as each role. A procedure added tomorrow is fuzzed tomorrow.
 *
 * FUZZ_RUNS sets the cases per procedure and role; FUZZ_SEED replays a failing run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** Cases for a role the procedure turns away at its role gate: the gate answers before any input is read. */
const GATED_RUNS = 3;
const GATE_REASONS = new Set([
  "auth.required",
  "auth.role_required",
  "cart.customers_only",
  "seller.not_a_seller",
  "seller.not_approved",
  "seller.suspended",
]);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** A call still unanswered after this long is a hang. */
const HANG_MS = 5_000;

const ROLES = ["anonymous", "customer", "seller", "admin", "suspended seller"] as const;
type Role = (typeof ROLES)[number];
const PASSWORD = "fuzz-pass-1";
const EMAIL: Record<Exclude<Role, "anonymous">, string> = {
  customer: "fuzz-customer@example.com",
  seller: "fuzz-seller@example.com",
  admin: "fuzz-admin@example.com",
  "suspended seller": "fuzz-suspended@example.com",
};

let t: TestContext;
let app: FastifyInstance;
let ids: string[] = [];
const tokens = new Map<Role, string | null>();
const shops = { seller: "", "suspended seller": "" };
const stats = new Map<string, { cases: number; statuses: Record<number, number> }>();
/** A mutation may have suspended an actor or ended a session: put them back before the next test. */
let dirty = true;

const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: ZodLike[] } };
const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, Procedure> }).procedures,
);

/** A request body or `input` parameter sent as is, bypassing superjson: malformed on the wire. */
class Raw {
  constructor(readonly text: string) {}
}
const RAW_PAYLOADS = [
  "",
  "not json",
  "{",
  "null",
  "[]",
  '"str"',
  "123",
  '{"json":"x","meta":{"values":["bigint"]}}',
  '{"json":"x","meta":{"values":["Date"]}}',
  '{"json":{"a":"x"},"meta":{"values":{"a":["class","Nope"]}}}',
  '{"json":{"a":"x"},"meta":{"values":{"a":["custom","Nope"]}}}',
  '{"json":{"a":1},"meta":{"values":{"a.b.c":["Date"]}}}',
  '{"json":{},"meta":{"referentialEqualities":{"a":["b.c"]}}}',
  '{"json":{"__proto__":{"x":1}},"meta":{"values":{"__proto__":["Date"]}}}',
  '{"json":{"a":{}},"meta":{"values":{"a.__proto__.polluted":["Date"]}}}',
  '{"json":"\\u0000"}',
  '{"json":"\\ud800"}',
  `{"json":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
].map((s) => new Raw(s));

/** The `input` parameter or body as the tRPC client sends it (superjson, also for `undefined`). */
function encode(input: unknown): string {
  if (input instanceof Raw) return input.text;
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    // superjson refuses some hostile shapes (prototype keys); send them as plain JSON.
    return JSON.stringify({ json: input });
  }
}

const reasonOf = (body: string): string | undefined => {
  try {
    return JSON.parse(body).error?.json?.data?.reason;
  } catch {
    return undefined;
  }
};

const preview = (input: unknown) => {
  const s = input instanceof Raw ? `raw ${input.text}` : encode(input);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
};

async function call(path: string, type: "query" | "mutation", input: unknown, token: string | null) {
  const payload = encode(input);
  const auth = token ? { authorization: `Bearer ${token}` } : {};
  const request =
    type === "query"
      ? app.inject({
          method: "GET",
          url: `/trpc/${path}?input=${encodeURIComponent(payload)}`,
          headers: auth,
        })
      : app.inject({
          method: "POST",
          url: `/trpc/${path}`,
          headers: { ...auth, "content-type": "application/json" },
          payload,
        });
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: no answer within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([request, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Puts the four signed-in actors back as they were (a fuzzed admin call may have suspended
 * one, a fuzzed logout ended a session) and signs each in afresh.
 */
async function resetActors() {
  if (!dirty) return;
  dirty = false;
  for (const role of ["customer", "admin", "seller", "suspended seller"] as const)
    await createVerifiedUser(t.deps, {
      email: EMAIL[role],
      name: `Fuzz ${role}`,
      password: PASSWORD,
      role: role === "suspended seller" ? "seller" : role,
    });
  await t.deps.db.update(sellers).set({ status: "approved" }).where(eq(sellers.id, shops.seller));
  await t.deps.db
    .update(sellers)
    .set({ status: "suspended" })
    .where(eq(sellers.id, shops["suspended seller"]));
  tokens.set("anonymous", null);
  for (const role of ["customer", "admin", "seller", "suspended seller"] as const) {
    const signedIn = await login(
      t.deps,
      { ip: null, userAgent: "fuzz" },
      { email: EMAIL[role], password: PASSWORD },
    );
    tokens.set(role, signedIn.accessToken);
  }
}

/** Real rows of every kind, so valid-shaped ids sometimes name something that exists. */
async function seed() {
  const fx = orderFixture(t);
  let sellersProduct = "";
  for (const role of ["seller", "suspended seller"] as const) {
    const shop = await fx.shop(`Fuzz ${role}`);
    await t.deps.db.update(users).set({ email: EMAIL[role] }).where(eq(users.id, shop.userId));
    shops[role] = shop.id;
    const v = await fx.variant(shop, 49_900, 50, `Fuzz item of ${role}`);
    if (role === "seller") sellersProduct = v.product.id;
    const buyer = await fx.customer();
    await fx.checkout(buyer, [[v.id, 1]]);
  }
  await resetActors();
  // The fuzz customer's conversation with the fuzz seller: thread, send and markRead reach real rows.
  const [me] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, EMAIL.customer));
  await startConversation(
    t.deps,
    { userId: me!.id, role: "customer", sessionId: randomUUID() },
    { subject: { type: "product", productId: sellersProduct }, body: "Fuzz hello" },
  );
  const tables = [
    users,
    sellers,
    products,
    productVariants,
    categories,
    orders,
    subOrders,
    addresses,
    coupons,
    saleEvents,
    cartItems,
    media,
    sessions,
    conversations,
    messages,
  ];
  const found = new Set<string>();
  for (const table of tables)
    for (const row of await t.deps.db.select({ id: table.id }).from(table).limit(6)) found.add(row.id);
  ids = [...found];
}

beforeAll(async () => {
  // Generous limits: a 429 is a fine answer, but it would stop the fuzz short of the code behind it.
  const limits = Object.fromEntries(
    Object.keys(defaultLimits).map((name) => [name, { points: 1_000_000, duration: 1 }]),
  );
  t = await createTestContext({ limits });
  app = await buildApp(t.runtime(), config);
  await seed();
}, 120_000);

afterAll(async () => {
  const perProcedure = [...stats.values()].map((s) => s.cases).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const s of stats.values())
    for (const [code, n] of Object.entries(s.statuses))
      statuses[Number(code)] = (statuses[Number(code)] ?? 0) + n;
  console.info(
    `fuzz: ${stats.size} procedures × ${ROLES.length} roles, ${RUNS} cases per serving role (${GATED_RUNS} where the role gate refuses); ` +
      `${perProcedure.reduce((a, b) => a + b, 0)} calls, ${perProcedure[0]}–${perProcedure.at(-1)} per procedure; ` +
      `statuses ${JSON.stringify(statuses)}`,
  );
  await app?.close();
  await t?.close();
});

describe("no input makes a procedure answer 5xx or hang", () => {
  beforeEach(resetActors);

  const fuzzable = procedures.filter(([, p]) => p._def.type !== "subscription");
  it("finds the router's procedures", () => {
    // Guards the walk itself: were a tRPC upgrade to move `_def.procedures`, this file must
    // fail rather than fuzz nothing.
    expect(fuzzable.length).toBeGreaterThan(50);
  });

  for (const [path, procedure] of fuzzable) {
    const type = procedure._def.type as "query" | "mutation";
    it(`${path} (${type})`, async () => {
      if (type === "mutation") dirty = true;
      const s = { cases: 0, statuses: {} as Record<number, number> };
      stats.set(path, s);
      const inputs = fc.oneof(
        { arbitrary: inputsOf(procedure._def.inputs[0], { ids, seed: SEED }), weight: 12 },
        { arbitrary: fc.constantFrom<unknown>(...RAW_PAYLOADS), weight: 1 },
      );
      /** One call; a 5xx (or a hang, which `call` throws) fails the test with the input that caused it. */
      const check = async (role: Role, input: unknown) => {
        const res = await call(path, type, input, tokens.get(role) ?? null);
        s.cases++;
        s.statuses[res.statusCode] = (s.statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500)
          throw new Error(
            `${path} as ${role} answered ${res.statusCode}: ${res.body.slice(0, 400)}\n  input: ${preview(input)}`,
          );
        return res;
      };
      for (const role of ROLES) {
        // First without input: a role gate answers before any input is read, so a role it
        // turns away needs only a few cases and the budget goes to the roles it serves.
        const gated = GATE_REASONS.has(reasonOf((await check(role, undefined)).body) ?? "");
        await fc.assert(
          fc.asyncProperty(inputs, (input) => check(role, input).then(() => {})),
          { numRuns: gated ? GATED_RUNS : RUNS, seed: SEED, endOnFailure: true },
        );
      }
    }, 60_000);
  }
});

describe("subscriptions report errors with their real code, never 500", () => {
  beforeEach(resetActors);

  const subscriptions = procedures.filter(([, p]) => p._def.type === "subscription");
  for (const [path, procedure] of subscriptions) {
    it(`${path} (subscription)`, async () => {
      // SSE needs a real socket: a second instance of the same app, listening.
      const live = await buildApp(t.runtime(), config);
      const address = await live.listen({ port: 0, host: "127.0.0.1" });
      try {
        const inputs = inputsOf(procedure._def.inputs[0], { ids, seed: SEED });
        for (const role of ROLES) {
          for (const input of fc.sample(inputs, { numRuns: 2, seed: SEED })) {
            const token = tokens.get(role);
            const query = new URLSearchParams();
            if (token) query.set("connectionParams", JSON.stringify({ token }));
            if (input !== undefined) query.set("input", encode(input));
            const { status, text } = await openStream(`${address}/trpc/${path}?${query}`);
            expect(status, `${path} as ${role}`).toBeLessThan(500);
            const error = /event: serialized-error\ndata: (.*)\n/.exec(text)?.[1];
            if (error) {
              const shape = JSON.parse(error) as { json?: { data?: { httpStatus?: number } } };
              expect(shape.json?.data?.httpStatus ?? 500, `${path} as ${role}: ${error}`).toBeLessThan(500);
            }
          }
        }
      } finally {
        await live.close();
      }
    }, 60_000);
  }
});

/** Opens an SSE stream and reads it until an error event arrives or a moment passes. */
async function openStream(url: string) {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 800);
  let text = "";
  let status = 0;
  try {
    const res = await fetch(url, { signal: ac.signal });
    status = res.status;
    const reader = res.body!.getReader();
    while (!text.includes("event: serialized-error")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
  } catch (e) {
    if (!ac.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  return { status, text };
}
