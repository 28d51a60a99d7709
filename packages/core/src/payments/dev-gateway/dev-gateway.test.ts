import { describe, expect, it } from "vitest";
import { ConfigError } from "../../config";
import type { StripeGateway } from "../../platform/payment-gateway";
import { createPaymentGateway } from "../create-payment-gateway";
import { signCheckout } from "../gateway";
import { gatewayChoiceOf, gatewaysDto, offeredPaymentMethodsOf } from "../payment-gateways";
import { parseWebhookEvent } from "../razorpay-entities";
import { checkDevReturnUrl, devReturnUrl, renderDevCheckoutPage } from "./dev-checkout-page";
import {
  type CheckoutSuccessParams,
  completeDevPayment,
  createDevGateway,
  type DevWebhook,
} from "./dev-gateway";

const serverSecret = "a-server-secret-of-at-least-32-characters!";
const origins = ["http://localhost:5173"];

describe("dev gateway", () => {
  it("pays: redirect params whose signature verifies, and signed payment.captured + order.paid webhooks", async () => {
    const gateway = createDevGateway({ serverSecret });
    const order = await gateway.createOrder({ amount: 129_900, receipt: "bz_dev_1" });
    expect(order).toMatchObject({ amount: 129_900, receipt: "bz_dev_1", status: "created", currency: "INR" });

    const { redirectParams, webhooks } = completeDevPayment(gateway, { orderId: order.id, outcome: "pay" });
    const params = redirectParams as CheckoutSuccessParams;
    expect(params.razorpay_order_id).toBe(order.id);
    expect(
      gateway.verifyCheckoutSignature({
        orderId: params.razorpay_order_id,
        paymentId: params.razorpay_payment_id,
        signature: params.razorpay_signature,
      }),
    ).toBe(true);
    // Not valid for another payment of the same order.
    expect(
      gateway.verifyCheckoutSignature({
        orderId: order.id,
        paymentId: "pay_00000000000000",
        signature: params.razorpay_signature,
      }),
    ).toBe(false);

    expect(webhooks.map((w) => w.event)).toEqual(["payment.captured", "order.paid"]);
    for (const w of webhooks) expect(gateway.verifyWebhookSignature(w.body, w.signature)).toBe(true);
    expect(new Set(webhooks.map((w) => w.eventId)).size).toBe(2);
    const [captured, paid] = webhooks.map((w) => parseWebhookEvent(w.body));
    expect(captured).toMatchObject({
      event: "payment.captured",
      payment: { id: params.razorpay_payment_id, orderId: order.id, amount: 129_900, status: "captured" },
    });
    expect(paid).toMatchObject({ event: "order.paid", order: { id: order.id, status: "paid" } });
    expect(JSON.parse(webhooks[1]!.body)).toMatchObject({ entity: "event", contains: ["payment", "order"] });

    expect(await gateway.fetchOrderPayments(order.id)).toEqual([
      expect.objectContaining({ id: params.razorpay_payment_id, status: "captured" }),
    ]);
    expect(gateway.findOrder(order.id)?.status).toBe("paid");
  });

  it("fails: Razorpay's error result for the browser and a signed payment.failed; the order can be paid later", async () => {
    const gateway = createDevGateway({ serverSecret });
    const order = await gateway.createOrder({ amount: 10_000, receipt: "bz_dev_2" });
    const failed = completeDevPayment(gateway, { orderId: order.id, outcome: "fail" });
    expect(failed.redirectParams).toEqual({
      error: {
        code: "BAD_REQUEST_ERROR",
        description: expect.any(String),
        source: "bank",
        step: "payment_authorization",
        reason: "payment_failed",
        metadata: { order_id: order.id, payment_id: expect.stringMatching(/^pay_/) },
      },
    });
    expect(failed.webhooks.map((w) => w.event)).toEqual(["payment.failed"]);
    expect(gateway.verifyWebhookSignature(failed.webhooks[0]!.body, failed.webhooks[0]!.signature)).toBe(
      true,
    );
    expect(parseWebhookEvent(failed.webhooks[0]!.body).payment).toMatchObject({
      status: "failed",
      errorReason: "payment_failed",
    });
    expect(gateway.findOrder(order.id)?.status).toBe("attempted");

    const paid = completeDevPayment(gateway, { orderId: order.id, outcome: "pay" });
    expect("razorpay_payment_id" in paid.redirectParams).toBe(true);
    expect((await gateway.fetchOrderPayments(order.id)).map((p) => p.status).sort()).toEqual([
      "captured",
      "failed",
    ]);
  });

  it("a second Pay on a paid order repeats the result without new webhooks; Fail is refused", async () => {
    const gateway = createDevGateway({ serverSecret });
    const order = await gateway.createOrder({ amount: 10_000, receipt: "bz_dev_3" });
    const first = completeDevPayment(gateway, { orderId: order.id, outcome: "pay" });
    const second = completeDevPayment(gateway, { orderId: order.id, outcome: "pay" });
    expect(second).toEqual({ redirectParams: first.redirectParams, webhooks: [] });
    expect(() => completeDevPayment(gateway, { orderId: order.id, outcome: "fail" })).toThrow(
      expect.objectContaining({ code: "INVALID_STATE", reason: "payment.order_already_paid" }),
    );
    expect(await gateway.fetchOrderPayments(order.id)).toHaveLength(1);
  });

  it("forgets everything on restart: unknown orders are NOT_FOUND", async () => {
    const before = createDevGateway({ serverSecret });
    const order = await before.createOrder({ amount: 10_000, receipt: "bz_dev_4" });
    const after = createDevGateway({ serverSecret });
    expect(after.findOrder(order.id)).toBeUndefined();
    expect(() => completeDevPayment(after, { orderId: order.id, outcome: "pay" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND", reason: "payment.gateway_not_found" }),
    );
    await expect(after.fetchOrderPayments(order.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("derives its secrets from the server secret: stable across restarts, different per server", async () => {
    const a = createDevGateway({ serverSecret });
    const order = await a.createOrder({ amount: 10_000, receipt: "bz_dev_5" });
    const { redirectParams, webhooks } = completeDevPayment(a, { orderId: order.id, outcome: "pay" });
    const p = redirectParams as CheckoutSuccessParams;
    const input = { orderId: order.id, paymentId: p.razorpay_payment_id, signature: p.razorpay_signature };

    const restarted = createDevGateway({ serverSecret });
    expect(restarted.verifyCheckoutSignature(input)).toBe(true);
    expect(restarted.verifyWebhookSignature(webhooks[0]!.body, webhooks[0]!.signature)).toBe(true);

    const other = createDevGateway({ serverSecret: "another-server-secret-of-32-characters!!" });
    expect(other.verifyCheckoutSignature(input)).toBe(false);
    expect(other.verifyWebhookSignature(webhooks[0]!.body, webhooks[0]!.signature)).toBe(false);
    // Neither secret is the server secret itself.
    expect(p.razorpay_signature).not.toBe(signCheckout(serverSecret, order.id, p.razorpay_payment_id));
  });

  it("refunds idempotently and hands refund.processed to onWebhook", async () => {
    const delivered: DevWebhook[] = [];
    const gateway = createDevGateway({ serverSecret, onWebhook: (w) => delivered.push(w) });
    const order = await gateway.createOrder({ amount: 20_000, receipt: "bz_dev_6" });
    const { redirectParams } = completeDevPayment(gateway, { orderId: order.id, outcome: "pay" });
    const paymentId = (redirectParams as CheckoutSuccessParams).razorpay_payment_id;

    const input = { paymentId, amount: 5_000, idempotencyKey: "rf_dev_1" };
    const first = await gateway.refund(input);
    expect(await gateway.refund(input)).toEqual(first);
    expect(first).toMatchObject({ paymentId, amount: 5_000, status: "processed", receipt: "rf_dev_1" });
    expect(delivered.map((w) => w.event)).toEqual(["refund.processed"]);
    expect(gateway.verifyWebhookSignature(delivered[0]!.body, delivered[0]!.signature)).toBe(true);
    expect(parseWebhookEvent(delivered[0]!.body)).toMatchObject({
      refund: { id: first.id, amount: 5_000 },
      payment: { id: paymentId, amountRefunded: 5_000, status: "captured" },
    });
    await expect(gateway.refund({ ...input, amount: 6_000 })).rejects.toMatchObject({
      reason: "payment.refund_key_reused",
    });
    await expect(
      gateway.refund({ paymentId, amount: 15_001, idempotencyKey: "rf_dev_2" }),
    ).rejects.toMatchObject({
      reason: "payment.gateway_rejected",
    });
  });

  it("refuses what Razorpay refuses, with the same errors as the SDK adapter", async () => {
    const gateway = createDevGateway({ serverSecret });
    await expect(gateway.createOrder({ amount: 50, receipt: "bz_small" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      reason: "payment.gateway_rejected",
      details: { status: 400, field: "amount" },
    });
    await expect(gateway.fetchPayment("pay_00000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("dev checkout page", () => {
  const order = {
    id: "order_AbC123",
    amount: 12_345_678,
    currency: "INR" as const,
    receipt: `<script>alert("x")</script>&'`,
    status: "created" as const,
  };

  it("escapes everything it shows and loads nothing from elsewhere", () => {
    const html = renderDevCheckoutPage({
      order,
      actionUrl: `/dev/checkout/complete?a=1&b="2"`,
      returnUrl: `http://localhost:5173/checkout/done?x="><img src=x onerror=alert(1)>`,
      merchantName: "Shop <b>& Co</b>",
      description: "Order for 'Ravi'",
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
    expect(html).toContain('action="/dev/checkout/complete?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain("Shop &lt;b&gt;&amp; Co&lt;/b&gt;");
    expect(html).toContain("Order for &#39;Ravi&#39;");
    expect(html).toContain("₹1,23,456.78");
    expect(html).toMatch(/name="outcome" value="pay"/);
    expect(html).toMatch(/name="outcome" value="fail"/);
    expect(html).toContain(`name="order_id" value="order_AbC123"`);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|style\s+src)\b|url\(|@import/i);
    expect(html).not.toMatch(/https?:\/\/(?!localhost:5173)/);
  });

  it("offers no Fail button on a paid order", () => {
    const html = renderDevCheckoutPage({
      order: { ...order, status: "paid" },
      actionUrl: "/c",
      returnUrl: "/r",
    });
    expect(html).not.toMatch(/value="fail"/);
  });

  it("redirects only to our own origins, with Razorpay's result fields", () => {
    const ok = devReturnUrl(
      "http://localhost:5173/checkout/done?order=7",
      { razorpay_order_id: "order_1", razorpay_payment_id: "pay_1", razorpay_signature: "ab" },
      origins,
    );
    expect(Object.fromEntries(new URL(ok).searchParams)).toEqual({
      order: "7",
      razorpay_order_id: "order_1",
      razorpay_payment_id: "pay_1",
      razorpay_signature: "ab",
    });
    const failed = new URL(
      devReturnUrl(
        "http://localhost:5173/checkout/done",
        {
          error: {
            code: "BAD_REQUEST_ERROR",
            description: "declined",
            source: "bank",
            step: "payment_authorization",
            reason: "payment_failed",
            metadata: { order_id: "order_1", payment_id: "pay_2" },
          },
        },
        origins,
      ),
    );
    expect(failed.searchParams.get("error[reason]")).toBe("payment_failed");
    expect(JSON.parse(failed.searchParams.get("error[metadata]")!)).toEqual({
      order_id: "order_1",
      payment_id: "pay_2",
    });

    for (const bad of [
      "https://evil.example/",
      "http://localhost:5173.evil.example/",
      "//evil.example",
      "javascript:1",
    ]) {
      expect(() => checkDevReturnUrl(bad, origins)).toThrow(
        expect.objectContaining({ code: "VALIDATION", reason: "payment.return_url_not_allowed" }),
      );
    }

    // The mobile app's deep links: only schemes listed as such, never a script.
    const withApp = [...origins, "bazaar:"];
    expect(checkDevReturnUrl("bazaar://payment-return?order=1", withApp).protocol).toBe("bazaar:");
    for (const bad of ["bazaar://payment-return", "exp://10.0.0.2:8081/--/payment-return"])
      expect(() => checkDevReturnUrl(bad, origins)).toThrow(
        expect.objectContaining({ reason: "payment.return_url_not_allowed" }),
      );
    expect(() => checkDevReturnUrl("javascript:alert(1)", withApp)).toThrow(
      expect.objectContaining({ reason: "payment.return_url_not_allowed" }),
    );
  });
});

describe("createPaymentGateway", () => {
  it("uses Razorpay when keys are configured and the dev gateway otherwise", () => {
    const razorpay = { keyId: "rzp_test_X", keySecret: "s", webhookSecret: "w" };
    expect(createPaymentGateway({ env: "development", authSecret: serverSecret, razorpay })).toMatchObject({
      kind: "razorpay",
      keyId: "rzp_test_X",
    });
    expect(createPaymentGateway({ env: "development", authSecret: serverSecret }).kind).toBe("dev");
    expect(createPaymentGateway({ env: "production", authSecret: serverSecret, razorpay }).kind).toBe(
      "razorpay",
    );
  });

  it("refuses the dev gateway in production, naming both gateways' variables", () => {
    expect(() => createPaymentGateway({ env: "production", authSecret: serverSecret })).toThrow(ConfigError);
    expect(() => createPaymentGateway({ env: "production", authSecret: serverSecret })).toThrow(
      /RAZORPAY_KEY_ID, .* or STRIPE_SECRET_KEY, .*: production needs at least one online gateway/,
    );
  });

  it("runs production on Stripe alone: Razorpay is never offered and its stand-in fails as unavailable", async () => {
    const stripe = { secretKey: "sk_live_X", publishableKey: "pk_live_X", webhookSecret: "whsec_X" };
    const payments = createPaymentGateway({ env: "production", authSecret: serverSecret, stripe });
    expect([payments.kind, payments.configured]).toEqual(["razorpay", false]);
    const deps = { payments, stripe: { kind: "stripe" } as unknown as StripeGateway };
    expect(offeredPaymentMethodsOf(deps, undefined)).toEqual(["stripe", "cod"]);
    expect(gatewaysDto(deps, gatewayChoiceOf(undefined)).gateways[0]).toMatchObject({
      method: "razorpay",
      configured: false,
      offered: false,
      dev: false,
    });
    await expect(payments.createOrder({ amount: 10_000, receipt: "r-1" })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      reason: "payment.gateway_not_configured",
    });
    expect(payments.verifyWebhookSignature("{}", "sig")).toBe(false);
    // With Razorpay's keys too, production uses Razorpay.
    const razorpay = { keyId: "rzp_live_X", keySecret: "s", webhookSecret: "w" };
    expect(createPaymentGateway({ env: "production", authSecret: serverSecret, razorpay, stripe }).kind).toBe(
      "razorpay",
    );
  });
});
