import { randomUUID } from "node:crypto";
import {
  addCartItem,
  createAddress,
  createShopForSeed,
  createVerifiedUser,
  getMyOrder,
  setPaymentGateways,
} from "@bazaar/core";
import { orderFixture, type StripeStub, startStripeStub } from "@bazaar/core/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type Stack, startStack } from "./harness";

/*
 * Paying by card through Stripe in the customer app, against a local stub of Stripe's API.
 * Stripe.js cannot be fetched here (no internet), so the page's request for
 * https://js.stripe.com/v3 is answered with a small stand-in that has the same surface
 * (elements, create("payment"), mount, confirmPayment); its confirmPayment makes the stub's
 * intent succeed, as a customer's card would. Everything after that is the product's own
 * path: payments.confirmStripe asks the (stub) Stripe API, never the browser.
 */
const PASSWORD = "mango-tree-42";
const KEYS = {
  STRIPE_SECRET_KEY: "sk_test_E2eStub",
  STRIPE_PUBLISHABLE_KEY: "pk_test_E2eStub",
  STRIPE_WEBHOOK_SECRET: "whsec_E2eStub",
};
const FAKE_STRIPE_JS = `
window.Stripe = function (publishableKey) {
  return {
    elements: function (options) {
      return {
        clientSecret: options.clientSecret,
        create: function () {
          var node = null;
          return {
            mount: function (el) {
              node = document.createElement("div");
              node.setAttribute("data-testid", "fake-card-form");
              node.textContent = "Card number 4242 4242 4242 4242 (" + publishableKey + ")";
              el.appendChild(node);
            },
            destroy: function () { if (node) node.remove(); },
          };
        },
      };
    },
    confirmPayment: async function (o) {
      if (window.__declineNext) { window.__declineNext = false; return { error: { message: "Your card was declined." } }; }
      await window.__stubPay(o.elements.clientSecret);
      return {};
    },
  };
};`;

let stub: StripeStub;
let stack: Stack | undefined;
let browser: Browser | undefined;
let setupError: unknown;
let world: { email: string; userId: string; variantId: string; adminId: string };

beforeAll(async () => {
  try {
    stub = await startStripeStub({
      secretKey: KEYS.STRIPE_SECRET_KEY,
      webhookSecret: KEYS.STRIPE_WEBHOOK_SECRET,
    });
    stack = await startStack("stripe", ["customer-web"], { env: { ...KEYS, STRIPE_API_URL: stub.url } });
    const deps = stack.api.runtime.deps;
    const owner = await createVerifiedUser(deps, {
      email: "kiran@e2e.test",
      name: "Kiran",
      password: PASSWORD,
      role: "customer",
    });
    const { seller } = await createShopForSeed(deps, {
      userId: owner.id,
      status: "approved",
      shopName: "Kiran Organics",
      contactEmail: "kiran@e2e.test",
      contactPhone: "98240 12345",
      pickupAddress: {
        name: "Kiran",
        phone: "98240 12345",
        line1: "1 Market Road",
        city: "Mysuru",
        state: "Karnataka",
        pincode: "570001",
      },
      bankAccount: { holder: "Kiran", number: "50100234567812", ifsc: "HDFC0000123" },
    });
    const { id: variantId } = await orderFixture({ deps }).variant(seller, 45_000, 10, "Filter Coffee 1 kg");
    const email = `card.${Date.now()}@example.com`;
    const buyer = await createVerifiedUser(deps, {
      email,
      name: "Asha Verma",
      password: PASSWORD,
      role: "customer",
    });
    await createAddress(
      deps,
      { userId: buyer.id, role: "customer", sessionId: randomUUID() },
      {
        name: "Asha Verma",
        phone: "9876543210",
        line1: "12 MG Road",
        city: "Bengaluru",
        state: "Karnataka",
        pincode: "560001",
      },
    );
    const admin = await createVerifiedUser(deps, {
      email: "ops@e2e.test",
      name: "Ops",
      password: PASSWORD,
      role: "admin",
    });
    world = { email, userId: buyer.id, variantId, adminId: admin.id };
    browser = await launchChromium();
  } catch (error) {
    setupError = error;
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await stub?.close();
});

async function buyerPage(pageErrors: string[]): Promise<Page> {
  const page = await (await browser!.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.route("https://js.stripe.com/v3", (route) =>
    route.fulfill({ contentType: "application/javascript", body: FAKE_STRIPE_JS }),
  );
  await page.exposeFunction(
    "__stubPay",
    (clientSecret: string) => void stub.pay(clientSecret.split("_secret_")[0]!),
  );
  await page.goto(`${stack!.url["customer-web"]}/login`);
  await page.getByLabel("Email").fill(world.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();
  return page;
}

describe("paying by card with Stripe", () => {
  it("the checkout offers Stripe, the order page mounts the card form, and paying confirms the order", async () => {
    if (setupError) throw setupError;
    const deps = stack!.api.runtime.deps;
    const pageErrors: string[] = [];
    const page = await buyerPage(pageErrors);
    await addCartItem(deps, { userId: world.userId }, { variantId: world.variantId, qty: 1 });
    await page.goto(`${stack!.url["customer-web"]}/checkout`);
    await page.getByLabel(/Pay by card/).check();
    await page.getByTestId("place-order").click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
    await page.getByTestId("fake-card-form").waitFor();
    expect(await page.getByTestId("fake-card-form").textContent()).toContain(KEYS.STRIPE_PUBLISHABLE_KEY);

    // A declined card: the form says so and the order still waits.
    await page.evaluate(() => {
      (window as { __declineNext?: boolean }).__declineNext = true;
    });
    await page.getByTestId("stripe-pay").click();
    await page.getByTestId("stripe-card-error").getByText("Your card was declined.").waitFor();

    await page.getByTestId("stripe-pay").click();
    await page.getByTestId("payment-status").getByText("Paid", { exact: true }).waitFor();
    await expect(page.getByTestId("stripe-payment").count()).resolves.toBe(0);
    const order = await getMyOrder(
      deps,
      { userId: world.userId, role: "customer", sessionId: randomUUID() },
      { orderId },
    );
    expect([order.paymentMethod, order.paymentStatus]).toEqual(["stripe", "paid"]);
    expect(pageErrors).toEqual([]);
  });

  it("once an admin turns Stripe off, the checkout no longer offers it", async () => {
    if (setupError) throw setupError;
    const deps = stack!.api.runtime.deps;
    const admin = { userId: world.adminId, role: "admin" as const, sessionId: randomUUID() };
    await setPaymentGateways(deps, admin, { stripe: false });
    try {
      const page = await buyerPage([]);
      await addCartItem(deps, { userId: world.userId }, { variantId: world.variantId, qty: 1 });
      await page.goto(`${stack!.url["customer-web"]}/checkout`);
      await page.getByLabel(/Pay online/).waitFor();
      expect(await page.getByLabel(/Pay by card/).count()).toBe(0);
    } finally {
      await setPaymentGateways(deps, admin, { stripe: true });
    }
  });
});
