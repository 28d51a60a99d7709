import { randomUUID } from "node:crypto";
import { createStripeGateway, createVerifiedUser, loadConfig } from "@bazaar/core";
import {
  createTestContext,
  orderFixture,
  type StripeStub,
  startStripeStub,
  type TestContext,
} from "@bazaar/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

// Stripe end to end over HTTP: the real SDK against a local stub of Stripe's API, and
// webhooks posted to the app as Stripe posts them, signed with the SDK's test helper.
const KEYS = {
  secretKey: "sk_test_ServerStub1",
  publishableKey: "pk_test_ServerStub1",
  webhookSecret: "whsec_ServerStubSecret",
};
let t: TestContext;
let app: FastifyInstance;
let stub: StripeStub;
let fx: ReturnType<typeof orderFixture>;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});

type Order = {
  id: string;
  total: number;
  paymentStatus: string;
  payment: {
    gateway: string;
    razorpayOrderId: string;
    stripe?: { clientSecret: string | null; publishableKey: string };
  } | null;
};

const call = async (method: "GET" | "POST", path: string, input: unknown, token?: string) => {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const res =
    method === "POST"
      ? await app.inject({ method, url: `/trpc/${path}`, payload: { json: input }, headers })
      : await app.inject({
          method,
          url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
          headers,
        });
  return { status: res.statusCode, body: res.json() };
};
const data = async <T>(p: Promise<{ status: number; body: { result?: { data: { json: T } } } }>) => {
  const r = await p;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body.result!.data.json;
};

async function shopper() {
  const email = `stripe-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: "Anita Rao", password: "pass-word-1", role: "customer" });
  const { accessToken } = await data<{ accessToken: string }>(
    call("POST", "auth.login", { email, password: "pass-word-1" }),
  );
  const address = await data<{ id: string }>(
    call(
      "POST",
      "addresses.create",
      {
        name: "Anita Rao",
        phone: "9876543210",
        line1: "42 Residency Road",
        city: "Bengaluru",
        state: "Karnataka",
        pincode: "560025",
      },
      accessToken,
    ),
  );
  return { token: accessToken, addressId: address.id };
}

async function stripeOrder() {
  const s = await shopper();
  const v = await fx.variant(await fx.shop(`Shop ${randomUUID().slice(0, 4)}`, "Gujarat"), 60_000, 5);
  await data(call("POST", "cart.addItem", { variantId: v.id, qty: 1 }, s.token));
  const order = await data<Order>(
    call(
      "POST",
      "checkout.placeOrder",
      { addressId: s.addressId, paymentMethod: "stripe", idempotencyKey: `k-${randomUUID()}` },
      s.token,
    ),
  );
  return { ...s, order };
}

const postWebhook = (body: string, signature?: string) =>
  app.inject({
    method: "POST",
    url: "/webhooks/stripe",
    headers: { "content-type": "application/json", ...(signature && { "stripe-signature": signature }) },
    payload: body,
  });

beforeAll(async () => {
  stub = await startStripeStub(KEYS);
  t = await createTestContext({ stripe: createStripeGateway({ ...KEYS, apiUrl: stub.url }) });
  app = await buildApp(t.runtime(), config);
  fx = orderFixture(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
  await stub.close();
});

describe("Stripe over HTTP", () => {
  it("the checkout is told Stripe is offered, with the publishable key, and an order gets its client secret", async () => {
    expect(await data(call("GET", "checkout.paymentOptions", undefined))).toEqual({
      methods: ["razorpay", "stripe", "cod"],
      stripe: { publishableKey: KEYS.publishableKey },
    });
    const { order } = await stripeOrder();
    expect(order.payment).toMatchObject({
      gateway: "stripe",
      stripe: {
        publishableKey: KEYS.publishableKey,
        clientSecret: stub.intents.get(order.payment!.razorpayOrderId)!.client_secret,
      },
    });
  });

  it("POST /webhooks/stripe verifies the raw bytes: 400 for a bad signature, settles once, replays are no-ops", async () => {
    const { token, order } = await stripeOrder();
    const signed = stub.pay(order.payment!.razorpayOrderId);
    // Re-serialised JSON is other bytes: a route that parsed and re-encoded the body would fail here.
    const compact = JSON.stringify(JSON.parse(signed.body));
    const forged = stub.delivery(
      "payment_intent.succeeded",
      JSON.parse(signed.body).data.object,
      "whsec_NotOurs",
    );
    for (const res of [
      await postWebhook(compact, signed.signature),
      await postWebhook(signed.body, forged.signature),
      await postWebhook(signed.body),
    ])
      expect([res.statusCode, res.json().reason]).toEqual([400, "webhook.bad_signature"]);
    await t.drain();
    expect((await data<Order>(call("GET", "orders.byId", { orderId: order.id }, token))).paymentStatus).toBe(
      "pending",
    );
    const first = await postWebhook(signed.body, signed.signature);
    expect([first.statusCode, first.json()]).toEqual([200, { received: true, duplicate: false }]);
    await t.drain();
    const replay = await postWebhook(signed.body, signed.signature);
    expect([replay.statusCode, replay.json()]).toEqual([200, { received: true, duplicate: true }]);
    expect((await data<Order>(call("GET", "orders.byId", { orderId: order.id }, token))).paymentStatus).toBe(
      "paid",
    );
  });

  it("payments.confirmStripe asks Stripe, and a customer cannot turn gateways on or off", async () => {
    const { token, order } = await stripeOrder();
    stub.pay(order.payment!.razorpayOrderId);
    const paid = await data<Order>(call("POST", "payments.confirmStripe", { orderId: order.id }, token));
    expect(paid.paymentStatus).toBe("paid");
    const refused = await call("POST", "admin.payments.setGateways", { stripe: false }, token);
    expect([refused.status, refused.body.error.json.data.reason]).toEqual([403, "auth.role_required"]);
    const anonymous = await call("GET", "admin.payments.gateways", undefined);
    expect(anonymous.status).toBe(401);
  });
});
