import { getPaymentOptions } from "@bazaar/core";
import { type StripeStub, startStripeStub } from "@bazaar/core/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInPage, verifiedUser } from "./fixtures";
import { launchChromium, type Stack, startStack } from "./harness";

/** The admin's Payments page, on a server with Stripe keys (a local stub) and on one without. */
const KEYS = {
  STRIPE_SECRET_KEY: "sk_test_AdminStub",
  STRIPE_PUBLISHABLE_KEY: "pk_test_AdminStub",
  STRIPE_WEBHOOK_SECRET: "whsec_AdminStub",
};
let stub: StripeStub | undefined;
let withStripe: Stack | undefined;
let without: Stack | undefined;
let browser: Browser | undefined;
let setupError: unknown;
// One account per server: a remembered device is remembered by email.
const ADMIN = { email: "payments-admin@e2e.test", name: "Priya Nair" };
const ADMIN_B = { email: "payments-admin-b@e2e.test", name: "Priya Nair" };

beforeAll(async () => {
  try {
    stub = await startStripeStub({
      secretKey: KEYS.STRIPE_SECRET_KEY,
      webhookSecret: KEYS.STRIPE_WEBHOOK_SECRET,
    });
    withStripe = await startStack("payments", ["admin-web"], { env: { ...KEYS, STRIPE_API_URL: stub.url } });
    without = await startStack("payments-nostripe", ["admin-web"]);
    await verifiedUser(withStripe.api.runtime.deps, ADMIN, "admin");
    await verifiedUser(without.api.runtime.deps, ADMIN_B, "admin");
    browser = await launchChromium();
  } catch (error) {
    setupError = error;
  }
});
afterAll(async () => {
  await browser?.close();
  await withStripe?.close();
  await without?.close();
  await stub?.close();
});

describe("the admin's Payments page", () => {
  it("turns Stripe off and on, and will not turn every way to pay off", async () => {
    if (setupError) throw setupError;
    const deps = withStripe!.api.runtime.deps;
    const page = await signInPage(browser!, withStripe!.url["admin-web"], ADMIN.email);
    await page.goto(`${withStripe!.url["admin-web"]}/settings/payments`);
    const stripe = page.getByLabel("Stripe");
    await stripe.waitFor();
    expect(await stripe.isChecked()).toBe(true);
    await stripe.uncheck();
    await page.getByTestId("payment-gateways-saved").waitFor();
    expect((await getPaymentOptions(deps)).methods).toEqual(["razorpay", "cod"]);
    expect(await page.getByLabel("Stripe").isChecked()).toBe(false);

    // Razorpay off too, then cash on delivery: refused, nothing changes.
    await page.getByLabel("Razorpay").uncheck();
    await page.getByTestId("payment-gateways-saved").waitFor();
    await page.getByLabel("Cash on delivery").uncheck();
    await page.getByText("Keep at least one way to pay on").waitFor();
    expect((await getPaymentOptions(deps)).methods).toEqual(["cod"]);

    await page.getByLabel("Stripe").check();
    await page.getByLabel("Razorpay").check();
    await page.getByTestId("payment-gateways-saved").waitFor();
    await expect
      .poll(async () => (await getPaymentOptions(deps)).methods)
      .toEqual(["razorpay", "stripe", "cod"]);
  });

  it("on a server without Stripe keys, Stripe cannot be ticked and says what to set", async () => {
    if (setupError) throw setupError;
    const page = await signInPage(browser!, without!.url["admin-web"], ADMIN_B.email);
    await page.goto(`${without!.url["admin-web"]}/settings/payments`);
    const stripe = page.getByLabel("Stripe");
    await stripe.waitFor();
    expect([await stripe.isChecked(), await stripe.isDisabled()]).toEqual([false, true]);
    await page.getByText(/set STRIPE_SECRET_KEY/).waitFor();
    await page.getByText(/local dev gateway stands in/).waitFor();
  });
});
