import { validatePaymentVerification, validateWebhookSignature } from "razorpay/dist/utils/razorpay-utils";
import { describe, expect, it } from "vitest";
import { createFakeRazorpay } from "./dev-gateway/fake-razorpay";
import { gatewayError, signatureMatches, signCheckout, signWebhook } from "./gateway";
import { parseWebhookEvent } from "./razorpay-entities";
import { createRazorpayGateway } from "./razorpay-gateway";

const keySecret = "EnLs21M47BllR3X8PSFtjtbd";
const webhookSecret = "whsec-bazaar-test";
// Verification needs no network: the adapter is never asked to call Razorpay here.
const gateway = createRazorpayGateway({ keyId: "rzp_test_1DP5mmOlF5G5ag", keySecret, webhookSecret });

describe("checkout signature", () => {
  const orderId = "order_IluGWxBm9U8zJ8";
  const paymentId = "pay_IH4NVgf4Dreq1l";
  const signature = signCheckout(keySecret, orderId, paymentId);

  it("is what Razorpay's own SDK accepts", () => {
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(
      validatePaymentVerification({ order_id: orderId, payment_id: paymentId }, signature, keySecret),
    ).toBe(true);
  });

  it("verifies only the exact order, payment and secret", () => {
    expect(gateway.verifyCheckoutSignature({ orderId, paymentId, signature })).toBe(true);
    expect(gateway.verifyCheckoutSignature({ orderId, paymentId: "pay_IH4NVgf4Dreq1m", signature })).toBe(
      false,
    );
    expect(gateway.verifyCheckoutSignature({ orderId: "order_IluGWxBm9U8zJ9", paymentId, signature })).toBe(
      false,
    );
    // The separator matters: "a|bc" and "ab|c" must not collide.
    expect(
      gateway.verifyCheckoutSignature({
        orderId: `${orderId}|pay`,
        paymentId: paymentId.slice(4),
        signature,
      }),
    ).toBe(false);
    const wrongSecret = signCheckout("not-the-secret", orderId, paymentId);
    expect(gateway.verifyCheckoutSignature({ orderId, paymentId, signature: wrongSecret })).toBe(false);
    // Signed with the webhook secret instead of the key secret: refused.
    const webhookSigned = signCheckout(webhookSecret, orderId, paymentId);
    expect(gateway.verifyCheckoutSignature({ orderId, paymentId, signature: webhookSigned })).toBe(false);
  });

  it("refuses malformed signatures instead of throwing", () => {
    for (const bad of ["", "abc", `${signature}00`, signature.slice(0, 63), `${signature.slice(0, 62)}zz`]) {
      expect(gateway.verifyCheckoutSignature({ orderId, paymentId, signature: bad })).toBe(false);
    }
    expect(signatureMatches(signature, undefined as unknown as string)).toBe(false);
  });
});

describe("webhook signature", () => {
  const fake = createFakeRazorpay();
  const order = fake.createOrder({ amount: 49_900, receipt: "bz_1" });
  const [captured] = fake.pay(order.id, { succeed: true }).webhooks;
  const body = JSON.stringify(captured!.event);

  it("is computed over the raw body, as the SDK's own check does", () => {
    const signature = signWebhook(webhookSecret, body);
    expect(validateWebhookSignature(body, signature, webhookSecret)).toBe(true);
    expect(gateway.verifyWebhookSignature(body, signature)).toBe(true);
    expect(gateway.verifyWebhookSignature(Buffer.from(body), signature)).toBe(true);
  });

  it("fails when one byte of the body changes, or when re-serialised differently", () => {
    const signature = signWebhook(webhookSecret, body);
    const bytes = Buffer.from(body);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    expect(gateway.verifyWebhookSignature(bytes, signature)).toBe(false);
    expect(gateway.verifyWebhookSignature(JSON.stringify(JSON.parse(body), null, 1), signature)).toBe(false);
    expect(gateway.verifyWebhookSignature(body, signWebhook(keySecret, body))).toBe(false);
  });

  it("parses into the port's types", () => {
    const parsed = parseWebhookEvent(body);
    expect(parsed).toMatchObject({
      event: "payment.captured",
      accountId: fake.accountId,
      payment: {
        orderId: order.id,
        amount: 49_900,
        status: "captured",
        amountRefunded: 0,
        errorReason: null,
      },
    });
    expect(parsed.createdAt).toBeInstanceOf(Date);
    expect(() => parseWebhookEvent("{not json")).toThrow(
      expect.objectContaining({ reason: "payment.webhook_malformed" }),
    );
    expect(() => parseWebhookEvent(JSON.stringify({ entity: "event" }))).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });
});

describe("gatewayError", () => {
  it("maps Razorpay's HTTP outcomes to our error kinds", () => {
    expect(gatewayError(0, undefined, "x")).toMatchObject({
      code: "UNAVAILABLE",
      reason: "payment.gateway_unavailable",
    });
    expect(gatewayError(502, undefined, "x")).toMatchObject({
      code: "UNAVAILABLE",
      reason: "payment.gateway_unavailable",
    });
    expect(gatewayError(429, undefined, "x")).toMatchObject({
      code: "UNAVAILABLE",
      reason: "payment.gateway_unavailable",
    });
    expect(
      gatewayError(401, { code: "BAD_REQUEST_ERROR", description: "Authentication failed" }, "x"),
    ).toMatchObject({ code: "UNAVAILABLE", reason: "payment.gateway_auth_failed" });
    expect(
      gatewayError(400, { code: "BAD_REQUEST_ERROR", description: "The id provided does not exist" }, "x"),
    ).toMatchObject({ code: "NOT_FOUND", reason: "payment.gateway_not_found" });
    const rejected = gatewayError(
      400,
      { code: "BAD_REQUEST_ERROR", description: "Refund too big", field: "amount" },
      "r",
    );
    expect(rejected).toMatchObject({
      code: "INVALID_STATE",
      reason: "payment.gateway_rejected",
      message: expect.stringContaining("Refund too big"),
      details: { action: "r", status: 400, gatewayCode: "BAD_REQUEST_ERROR", field: "amount" },
    });
  });
});
