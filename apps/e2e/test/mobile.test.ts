import { join } from "node:path";
import { advanceSubOrder, type Deps, listSellerOrders } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerWithAddress, PASSWORD, shopOwner } from "./fixtures";
import { launchChromium, readCode } from "./harness";
import { type MobileStack, startMobileStack } from "./mobile-harness";

// The Expo app's web build, driven on a 360-px-wide phone screen against the real API.
let stack: MobileStack | undefined;
let browser: Browser | undefined;
let setupError: unknown;
let shop: Awaited<ReturnType<typeof shopOwner>>;
const products: { slug: string; title: string }[] = [];

async function seed(deps: Deps) {
  shop = await shopOwner(
    deps,
    { email: "kavya@e2e.test", name: "Kavya Iyer", shopName: "Kavya Crafts" },
    { city: "Mysuru", state: "Karnataka", pincode: "570001" },
  );
  const fx = orderFixture({ deps });
  for (const [title, price] of [
    ["Channapatna Wooden Toy", 8_500_00],
    ["Mysore Silk Stole", 12_490_00],
  ] as const) {
    const { product } = await fx.variant(shop.seller, price, 10, title);
    products.push({ slug: product.slug, title });
  }
}

beforeAll(async () => {
  try {
    stack = await startMobileStack("mobile");
    await seed(stack.api.runtime.deps);
    browser = await launchChromium();
  } catch (error) {
    setupError = error;
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function phone(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

async function addToCart(page: Page, slug: string) {
  await page.goto(`${stack!.webUrl}/product/${slug}`);
  await page.getByTestId("add-to-cart").click();
  await page.getByTestId("added").waitFor();
}

describe("the mobile app in a browser", () => {
  it("a guest adds two products, signs up with the emailed code, pays cash on delivery and watches the order move", async () => {
    if (setupError) throw setupError;
    const { page, errors } = await phone();
    const web = stack!.webUrl;

    // Cold start to the first product list.
    const started = Date.now();
    await page.goto(web);
    await page.getByTestId("product-card").first().waitFor();
    console.info(`mobile web: cold start to first product list ${Date.now() - started} ms`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Two products into the guest cart; each page load is a fresh start of the app, so the
    // cart surviving them is the guest token kept on the device.
    for (const p of products) await addToCart(page, p.slug);
    await page.goto(`${web}/cart`);
    await expect.poll(() => page.getByTestId("cart-line").count()).toBe(2);
    expect(await page.getByTestId("cart-total").textContent()).toBe("₹20,990");

    // Sign up; the emailed code signs in and the guest cart merges, and the app says so.
    const email = `nisha.${Date.now()}@example.com`;
    await page.goto(`${web}/sign-up`);
    await page.getByLabel("Full name").fill("Nisha Rao");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("mango-tree-42");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("verify-notice").waitFor();
    const code = await readCode(join(stack!.tmpDir, "outbox"), email);
    await page.getByLabel("Verification code").fill(code);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.getByTestId("cart-merged").waitFor();
    expect(await page.getByTestId("cart-merged").textContent()).toMatch(/added 2 items from your guest cart/);
    // The refresh token is kept for the next start; the access token only in memory.
    expect(await page.evaluate(() => localStorage.getItem("bazaar.refresh-token"))).toBeTruthy();
    expect(await page.evaluate(() => localStorage.getItem("bazaar.guest-cart"))).toBeNull();

    // Checkout: a first address, then cash on delivery.
    await page.getByTestId("checkout").click();
    await page.getByRole("button", { name: "Add a new address" }).click();
    await page.getByLabel("Full name").fill("Nisha Rao");
    await page.getByLabel("Mobile number").fill("9876543210");
    await page.getByLabel("Address line 1").fill("14 Chamundi Hill Road");
    await page.getByLabel("City").fill("Mysuru");
    await page.getByLabel("PIN code").fill("570010");
    await page.getByLabel("Find your state").fill("Karna");
    await page.getByRole("button", { name: "Karnataka" }).click();
    await page.getByRole("button", { name: "Save address" }).click();
    await page.getByTestId("address-option").waitFor();
    await page.getByTestId("place-order").click();
    await page.getByTestId("order-placed").or(page.getByTestId("checkout-error")).waitFor();
    expect(await page.getByTestId("checkout-error").count()).toBe(0);
    const number = (await page.getByTestId("order-number").textContent())?.replace("Order ", "");
    expect(number).toBeTruthy();
    expect(await page.getByTestId("sub-order-status").textContent()).toBe("Confirmed");

    // The seller packs it; the open page's timeline moves without a reload.
    const deps = stack!.api.runtime.deps;
    // Placed once: one sub-order of this shop carries the order's number.
    const { items } = await listSellerOrders(deps, shop.actor, { limit: 10 });
    const mine = items.filter((i) => i.order.number === number);
    expect(mine).toHaveLength(1);
    const subOrderId = mine[0]!.id;
    await advanceSubOrder(deps, shop.actor, { subOrderId, to: "packed" });
    await expect
      .poll(() => page.getByTestId("sub-order-status").textContent(), { timeout: 15_000 })
      .toBe("Packed");
    expect(await page.getByTestId("timeline-step").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("Packed")]),
    );

    // And it is in the orders list.
    await page.goto(`${web}/orders`);
    await page.getByTestId("order-row").first().waitFor();
    expect(await page.getByTestId("order-row").first().textContent()).toContain(number!);
    expect(errors).toEqual([]);
  });

  it("pays online on the dev gateway's page and comes back to the paid order", async () => {
    if (setupError) throw setupError;
    const deps = stack!.api.runtime.deps;
    const web = stack!.webUrl;
    const email = `ravi.${Date.now()}@example.com`;
    await buyerWithAddress(
      deps,
      { email, name: "Ravi Kumar" },
      { line1: "5 Residency Road", city: "Bengaluru", state: "Karnataka", pincode: "560025" },
    );
    const { page, errors } = await phone();
    await page.goto(`${web}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByTestId("signed-in-user").waitFor();

    await addToCart(page, products[0]!.slug);
    await page.goto(`${web}/checkout`);
    await page.getByTestId("pay-online").click();
    await page.getByTestId("place-order").click();
    // The gateway's page on the API's origin, then back to the app's own /payment-return.
    await page.waitForURL((u) => u.pathname === "/dev/checkout");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/order/"));
    await expect.poll(() => page.getByText(/Paid online/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId("sub-order-status").textContent()).toBe("Confirmed");
    expect(errors).toEqual([]);
  });
});
