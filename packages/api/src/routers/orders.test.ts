import { randomUUID } from "node:crypto";
import { createShopForSeed, createVerifiedUser } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { clientError, testHttp } from "../testing/http";
import { signInViaApi } from "../testing/sign-in";

let t: TestContext;
const api = (accessToken: string | null = null) =>
  createCaller({ deps: t.deps, http: testHttp({ accessToken }) });

async function signedIn(role: "customer" | "admin" = "customer") {
  const email = `${role}-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: role, password: "pass-word-1", role });
  return (await signInViaApi(t.deps, api(), { email, password: "pass-word-1" })).accessToken;
}

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("order procedures", () => {
  it("answer bad input with field errors, never a 500", async () => {
    const c = api(await signedIn());
    const admin = api(await signedIn("admin"));
    const cases: [() => Promise<unknown>, string[]][] = [
      [
        () =>
          c.checkout.placeOrder({ addressId: "x", paymentMethod: "upi" as never, idempotencyKey: "short" }),
        ["addressId", "paymentMethod", "idempotencyKey"],
      ],
      [
        () => c.payments.confirm({ razorpayOrderId: "", razorpayPaymentId: "pay_1", signature: "zz" }),
        ["razorpayOrderId", "signature"],
      ],
      [() => c.orders.mine({ status: "lost" as never, limit: 0 }), ["status", "limit"]],
      [() => c.orders.cancel({ orderId: "1" }), ["orderId"]],
      [
        () => admin.admin.orders.list({ paymentStatus: "free" as never, from: "yesterday" as never }),
        ["paymentStatus", "from"],
      ],
      [() => admin.admin.orders.cancel({ orderId: randomUUID(), reason: "" }), ["reason"]],
      [() => api().tracking.get({ code: "x" }), ["code"]],
    ];
    for (const [call, fields] of cases) {
      const e = await clientError(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    }
  });

  it("keep each role to its own procedures", async () => {
    const customer = api(await signedIn());
    const admin = api(await signedIn("admin"));
    expect(await clientError(api().orders.mine({}))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(
      await clientError(
        admin.checkout.placeOrder({
          addressId: randomUUID(),
          paymentMethod: "cod",
          idempotencyKey: "key-12345",
        }),
      ),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await clientError(customer.seller.orders.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await clientError(customer.admin.orders.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await clientError(customer.orders.byId({ orderId: randomUUID() }))).toMatchObject({
      code: "NOT_FOUND",
      reason: "order.not_found",
    });
  });

  it("advance input names what shipping and cancelling need", async () => {
    const email = `seller-${randomUUID()}@example.com`;
    const user = await createVerifiedUser(t.deps, {
      email,
      name: "Seller",
      password: "pass-word-1",
      role: "customer",
    });
    await createShopForSeed(t.deps, {
      userId: user.id,
      status: "approved",
      shopName: `Shop ${randomUUID().slice(0, 6)}`,
      contactEmail: email,
      contactPhone: "9829012345",
      pickupAddress: {
        name: "S",
        phone: "9829012345",
        line1: "1 Road",
        city: "Jaipur",
        state: "Rajasthan",
        pincode: "302001",
      },
      bankAccount: { holder: "Sunita", number: "123456789012", ifsc: "SBIN0031234" },
    });
    const seller = api((await signInViaApi(t.deps, api(), { email, password: "pass-word-1" })).accessToken);
    const shipped = await clientError(
      seller.seller.orders.advance({ subOrderId: randomUUID(), to: "shipped" }),
    );
    expect([shipped.code, Object.keys(shipped.fieldErrors ?? {}).sort()]).toEqual([
      "BAD_REQUEST",
      ["carrier", "trackingNumber"],
    ]);
    const cancelled = await clientError(
      seller.seller.orders.advance({ subOrderId: randomUUID(), to: "cancelled" }),
    );
    expect(Object.keys(cancelled.fieldErrors ?? {})).toEqual(["note"]);
  });
});
