import { randomUUID } from "node:crypto";
import { createVerifiedUser, type DevGateway, loadConfig, signWebhook } from "@bazaar/core";
import {
  createTestContext,
  currentTotpCodeByEmail,
  orderFixture,
  type TestContext,
} from "@bazaar/core/testing";
import { sellers } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

let t: TestContext;
let app: FastifyInstance;
let fx: ReturnType<typeof orderFixture>;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
  // The test context's web app origin, so the dev gateway may send browsers back to it.
  CUSTOMER_WEB_URL: "http://customer.test",
});

const trpc = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
  const res = await app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    payload: { json: body },
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
  });
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json().result.data.json as T;
};
const query = async <T>(path: string, input: unknown, token: string): Promise<T> => {
  const res = await app.inject({
    method: "GET",
    url: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json().result.data.json as T;
};

async function shopper() {
  const email = `shopper-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: "Anita Rao", password: "pass-word-1", role: "customer" });
  const { accessToken } = await trpc<{ accessToken: string }>("auth.login", {
    email,
    password: "pass-word-1",
  });
  const address = await trpc<{ id: string }>(
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
  );
  return { token: accessToken, addressId: address.id };
}

type Order = {
  id: string;
  paymentStatus: string;
  subOrders: { id: string; status: string; trackingCode: string }[];
  payment: { checkoutUrl: string; razorpayOrderId: string } | null;
};

/** A signed-in shopper with an online order waiting for the dev gateway. */
async function onlineOrder() {
  const s = await shopper();
  const shop = await fx.shop(`Shop ${randomUUID().slice(0, 4)}`, "Gujarat");
  const v = await fx.variant(shop, 60_000, 5);
  await trpc("cart.addItem", { variantId: v.id, qty: 1 }, s.token);
  const order = await trpc<Order>(
    "checkout.placeOrder",
    { addressId: s.addressId, paymentMethod: "razorpay", idempotencyKey: `k-${randomUUID()}` },
    s.token,
  );
  return { ...s, shop, order };
}

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
  fx = orderFixture(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe("the dev gateway, end to end over HTTP", () => {
  it("shows a hosted page, settles on Pay, sends the browser back signed and the webhook in", async () => {
    const { token, order } = await onlineOrder();
    expect(order.payment?.checkoutUrl).toMatch(/^http:\/\/api\.test\/dev\/checkout\?order_id=order_/);
    const path = order.payment!.checkoutUrl.replace("http://api.test", "");
    const page = await app.inject(path);
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("₹600.00");
    const url = new URL(path, "http://api.test");
    const done = await app.inject({
      method: "POST",
      url: "/dev/checkout/complete",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        order_id: url.searchParams.get("order_id")!,
        return_url: url.searchParams.get("return_url")!,
        outcome: "pay",
      }).toString(),
    });
    expect(done.statusCode).toBe(303);
    const back = new URL(done.headers.location as string);
    expect(back.origin + back.pathname).toBe(`http://customer.test/orders/${order.id}`);
    await t.drain();
    expect((await query<Order>("orders.byId", { orderId: order.id }, token)).paymentStatus).toBe("paid");
    // The browser's confirmation arriving after the webhook changes nothing.
    const confirmed = await trpc<Order>(
      "payments.confirm",
      {
        razorpayOrderId: back.searchParams.get("razorpay_order_id"),
        razorpayPaymentId: back.searchParams.get("razorpay_payment_id"),
        signature: back.searchParams.get("razorpay_signature"),
      },
      token,
    );
    expect([confirmed.paymentStatus, confirmed.subOrders[0]!.status]).toEqual(["paid", "confirmed"]);
  });

  it("refuses to send the browser anywhere but our own apps", async () => {
    const { order } = await onlineOrder();
    const url = new URL(order.payment!.checkoutUrl);
    url.searchParams.set("return_url", "https://evil.example/steal");
    const res = await app.inject(url.pathname + url.search);
    expect([res.statusCode, res.json().reason]).toEqual([400, "payment.return_url_not_allowed"]);
  });
});

describe("POST /webhooks/razorpay", () => {
  it("checks the signature over the raw bytes, accepts once, and ignores replays", async () => {
    const { token, order } = await onlineOrder();
    const gateway = t.deps.payments as DevGateway;
    const { webhooks } = gateway.fake.pay(order.payment!.razorpayOrderId, { succeed: true });
    const signed = gateway.signWebhookEvent(webhooks[0]!);
    const post = (body: string, signature: string) =>
      app.inject({
        method: "POST",
        url: "/webhooks/razorpay",
        headers: {
          "content-type": "application/json",
          "x-razorpay-signature": signature,
          "x-razorpay-event-id": signed.eventId,
        },
        payload: body,
      });
    // Re-serialising the JSON changes the bytes: a framework that parsed and re-encoded it would fail here.
    const spaced = JSON.stringify(JSON.parse(signed.body), null, 2);
    expect((await post(spaced, signed.signature)).statusCode).toBe(403);
    expect((await post(signed.body, signWebhook("wrong", signed.body))).statusCode).toBe(403);
    const first = await post(signed.body, signed.signature);
    expect([first.statusCode, first.json()]).toEqual([200, { ok: true, duplicate: false }]);
    const replay = await post(signed.body, signed.signature);
    expect([replay.statusCode, replay.json()]).toEqual([200, { ok: true, duplicate: true }]);
    await t.drain();
    expect((await query<Order>("orders.byId", { orderId: order.id }, token)).paymentStatus).toBe("paid");
  });
});

describe("invoices and tracking QR codes", () => {
  it("serves the invoice PDF to its buyer only, and QR codes for genuine tracking codes", async () => {
    const buyer = await shopper();
    const shop = await fx.shop("Kiran Organics", "Karnataka");
    const v = await fx.variant(shop, 30_000, 5);
    await trpc("cart.addItem", { variantId: v.id, qty: 1 }, buyer.token);
    const order = await trpc<Order>(
      "checkout.placeOrder",
      { addressId: buyer.addressId, paymentMethod: "cod", idempotencyKey: `k-${randomUUID()}` },
      buyer.token,
    );
    const sub = order.subOrders[0]!;
    const invoice = (token?: string) =>
      app.inject({
        url: `/api/invoices/${sub.id}`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const mine = await invoice(buyer.token);
    expect([
      mine.statusCode,
      mine.headers["content-type"],
      mine.rawPayload.subarray(0, 5).toString(),
    ]).toEqual([200, "application/pdf", "%PDF-"]);
    expect(mine.headers["content-disposition"]).toMatch(/^attachment; filename="INV-BZ-/);
    expect((await invoice((await shopper()).token)).statusCode).toBe(404);
    expect((await invoice()).statusCode).toBe(401);
    // Not a UUID, though shaped like one: refused before any SQL, not a database error.
    for (const id of ["-".repeat(36), "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"]) {
      const res = await app.inject({
        url: `/api/invoices/${id}`,
        headers: { authorization: `Bearer ${buyer.token}` },
      });
      expect([res.statusCode, res.json().reason]).toEqual([404, "invoice.not_found"]);
    }

    const png = await app.inject(`/track/${sub.trackingCode}/qr.png`);
    expect([png.statusCode, png.headers["content-type"], png.rawPayload.subarray(1, 4).toString()]).toEqual([
      200,
      "image/png",
      "PNG",
    ]);
    const svg = await app.inject(`/track/${sub.trackingCode}/qr.svg`);
    expect(svg.body).toContain("<svg");
    const forged = `${sub.trackingCode.slice(0, -1)}${sub.trackingCode.endsWith("A") ? "B" : "A"}`;
    expect((await app.inject(`/track/${forged}/qr.png`)).statusCode).toBe(404);
  });
});

describe("live order status over SSE", () => {
  it("streams a buyer's order transitions as they happen, authenticated by connection params", async () => {
    const { token, order } = await onlineOrder();
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const ac = new AbortController();
    try {
      const params = encodeURIComponent(JSON.stringify({ token }));
      const res = await fetch(`${address}/trpc/orders.onUpdate?connectionParams=${params}`, {
        signal: ac.signal,
      });
      expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      const gateway = t.deps.payments as DevGateway;
      const { webhooks } = gateway.fake.pay(order.payment!.razorpayOrderId, { succeed: true });
      const w = gateway.signWebhookEvent(webhooks[0]!);
      let text = "";
      const read = (async () => {
        while (!text.includes('"to":"confirmed"')) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      })();
      await app.inject({
        method: "POST",
        url: "/webhooks/razorpay",
        headers: {
          "content-type": "application/json",
          "x-razorpay-signature": w.signature,
          "x-razorpay-event-id": w.eventId,
        },
        payload: w.body,
      });
      await t.drain();
      await read;
      expect(text).toContain(`"orderId":"${order.id}"`);
      expect(text).toContain('"to":"confirmed"');
    } finally {
      ac.abort();
    }
  });

  it("refuses a stream without a sign-in", async () => {
    // SSE answers 200 and reports the refusal as the stream's one error event.
    const res = await app.inject("/trpc/orders.onUpdate");
    expect(res.body).toMatch(/event: serialized-error/);
    expect(res.body).toContain('"reason":"auth.required"');
  });

  it("refuses an admin and a suspended seller with FORBIDDEN, not a 500", async () => {
    await createVerifiedUser(t.deps, {
      email: "ops@example.com",
      name: "Ops",
      password: "pass-word-1",
      role: "admin",
    });
    const shop = await fx.shop("Shut Shop");
    await createVerifiedUser(t.deps, {
      email: shop.contactEmail,
      name: "Shut",
      password: "pass-word-1",
      role: "seller",
    });
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shop.id));
    for (const [email, reason] of [
      ["ops@example.com", "auth.role_required"],
      [shop.contactEmail, "seller.suspended"],
    ] as const) {
      let signIn = await trpc<{ accessToken: string } | { status: string; challengeToken: string }>(
        "auth.login",
        { email, password: "pass-word-1" },
      );
      // The admin answers its second factor (#16) as a person would.
      if ("challengeToken" in signIn)
        signIn = await trpc<{ accessToken: string }>("auth.verifySecondFactor", {
          challengeToken: signIn.challengeToken,
          code: await currentTotpCodeByEmail(t.deps, email),
        });
      const { accessToken } = signIn as { accessToken: string };
      const params = encodeURIComponent(JSON.stringify({ token: accessToken }));
      const res = await app.inject(`/trpc/orders.onUpdate?connectionParams=${params}`);
      const error = JSON.parse(/event: serialized-error\ndata: (.*)\n/.exec(res.body)![1]!).json;
      expect([error.data.code, error.data.httpStatus, error.data.reason]).toEqual(["FORBIDDEN", 403, reason]);
    }
  });
});
