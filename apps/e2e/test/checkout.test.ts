import { join } from "node:path";
import { authenticate, createAddress, createShopForSeed, createVerifiedUser, getMyOrder } from "@bazaar/core";
import { signInForTest as login, orderFixture } from "@bazaar/core/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, readCode, type Stack, startStack } from "./harness";

const APPS = ["customer-web", "seller-web"] as const;
type App = (typeof APPS)[number];
const PASSWORD = "mango-tree-42";
const SHOPS = [
  {
    email: "ravi@e2e.test",
    shopName: "Ravi Textiles",
    state: "Gujarat",
    product: "Handloom Cotton Saree",
    price: 129_900,
  },
  {
    email: "meera@e2e.test",
    shopName: "Meera Handicrafts",
    state: "Karnataka",
    product: "Brass Diya Lamp",
    price: 45_000,
  },
] as const;

let stack: Stack | undefined;
let browser: Browser | undefined;
const slugs: string[] = [];
/** Set when setup fails, so the test fails with it instead of being reported as skipped. */
let setupError: unknown;
const url = (app: App) => stack!.url[app];

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
});

async function setUp() {
  stack = await startStack("checkout", APPS);
  // Two open shops, each with one stocked product (the catalogue flow has its own test).
  const deps = stack.api.runtime.deps;
  const fx = orderFixture({ deps });
  for (const shop of SHOPS) {
    const user = await createVerifiedUser(deps, {
      email: shop.email,
      name: shop.shopName,
      password: PASSWORD,
      role: "customer",
    });
    const { seller } = await createShopForSeed(deps, {
      userId: user.id,
      status: "approved",
      shopName: shop.shopName,
      contactEmail: shop.email,
      contactPhone: "98240 12345",
      pickupAddress: {
        name: shop.shopName,
        phone: "98240 12345",
        line1: "1 Market Road",
        city: "Surat",
        state: shop.state,
        pincode: "395002",
      },
      bankAccount: { holder: shop.shopName, number: "50100234567812", ifsc: "HDFC0000123" },
    });
    const { product } = await fx.variant(seller, shop.price, 5, shop.product);
    slugs.push(product.slug);
  }
  browser = await launchChromium();
}

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function sellerPage(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url("seller-web")}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();
  await page.goto(`${url("seller-web")}/orders`);
  return page;
}

/** The seller moves their part all the way to delivered from the orders board. */
async function deliver(page: Page, subOrderNumber: string) {
  const card = page.getByRole("article", { name: `Order ${subOrderNumber}` });
  await card.getByTestId("advance-packed").click();
  await card.getByTestId("advance-shipped").click();
  await page.getByLabel("Carrier").fill("Delhivery");
  await page.getByLabel("Tracking number").fill(`DLV${subOrderNumber.replace(/\W/g, "").slice(-8)}`);
  await page.getByRole("button", { name: "Mark as shipped" }).click();
  await card.getByTestId("advance-out_for_delivery").click();
  await card.getByTestId("advance-delivered").click();
  await card.getByText("Delivered", { exact: true }).first().waitFor();
}

describe("buying from two sellers in the browser", () => {
  it("a guest fills a cart, signs up, pays online through the dev gateway, and watches both parts arrive live", async () => {
    if (setupError) throw setupError;
    const pageErrors: string[] = [];
    const contexts = await Promise.all([1, 2, 3].map(() => browser!.newContext()));
    const [customerContext, raviContext, meeraContext] = contexts as [
      BrowserContext,
      BrowserContext,
      BrowserContext,
    ];
    for (const c of contexts) c.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(e.message)));
    const shopper = await customerContext.newPage();
    shopper.setDefaultTimeout(20_000);

    // As a guest: one product from each shop.
    for (const slug of slugs) {
      await shopper.goto(`${url("customer-web")}/p/${slug}`);
      await shopper.getByRole("button", { name: "Add to cart" }).click();
      await shopper.getByTestId("added-to-cart").waitFor();
    }

    // Sign up; the guest cart comes along.
    const email = `asha.${Date.now()}@example.com`;
    await shopper.goto(`${url("customer-web")}/register`);
    await shopper.getByLabel("Full name").fill("Asha Verma");
    await shopper.getByLabel("Email").fill(email);
    await shopper.getByLabel("Password").fill(PASSWORD);
    await shopper.getByRole("button", { name: "Create account" }).click();
    await shopper.waitForURL((u) => u.pathname === "/verify");
    await shopper.getByLabel("Verification code").fill(await readCode(join(stack!.tmpDir, "outbox"), email));
    await shopper.getByRole("button", { name: "Verify and sign in" }).click();
    await shopper.getByTestId("signed-in-user").waitFor();

    // A delivery address (the address book has its own tests).
    const deps = stack!.api.runtime.deps;
    const me = await authenticate(
      deps,
      (await login(deps, { ip: null, userAgent: null }, { email, password: PASSWORD })).accessToken,
    );
    await createAddress(deps, me, {
      name: "Asha Verma",
      phone: "9876543210",
      line1: "42 Residency Road",
      city: "Bengaluru",
      state: "Karnataka",
      pincode: "560025",
      isDefault: true,
    });

    await shopper.goto(`${url("customer-web")}/checkout`);
    await shopper.getByRole("radio", { name: /Residency Road/ }).check();
    await shopper.getByRole("radio", { name: /Pay online/ }).check();
    await shopper.getByTestId("place-order").click();

    // The dev gateway's hosted page, on the API's origin, standing in for Razorpay Checkout.
    await shopper.waitForURL((u) => u.pathname === "/dev/checkout");
    // ₹1,299 + ₹450, and ₹49 shipping for the shop under the free-shipping threshold.
    expect(await shopper.content()).toContain("₹1,798.00");
    await shopper.getByRole("button", { name: "Pay", exact: true }).click();

    await shopper.waitForURL(
      (u) => /^\/orders\/[0-9a-f-]{36}$/.test(u.pathname) && !u.search.includes("razorpay"),
    );
    await expect.poll(() => shopper.getByTestId("payment-status").textContent()).toContain("Paid");
    const statuses = shopper.getByTestId("sub-order-status");
    await expect.poll(() => statuses.allTextContents()).toEqual(["Confirmed", "Confirmed"]);
    const orderId = shopper.url().split("/orders/")[1]!.split("?")[0]!;

    // The customer's page stays open; a marker shows it is never reloaded.
    await shopper.evaluate("window.stillHere = true");

    // The order keeps the cart's order of shops: Ravi's first, as the guest added it.
    const parts = (await getMyOrder(deps, me, { orderId })).subOrders;
    expect(parts.map((p) => p.seller.shopName)).toEqual(["Ravi Textiles", "Meera Handicrafts"]);
    const ravi = await sellerPage(raviContext, SHOPS[0].email);
    await deliver(ravi, parts[0]!.number);
    await expect.poll(() => statuses.allTextContents()).toEqual(["Delivered", "Confirmed"]);
    const meera = await sellerPage(meeraContext, SHOPS[1].email);
    await deliver(meera, parts[1]!.number);
    await expect.poll(() => statuses.allTextContents()).toEqual(["Delivered", "Delivered"]);

    expect(await shopper.evaluate("window.stillHere === true")).toBe(true);
    // The tracking QR for each part is served and shown.
    await expect.poll(() => shopper.getByAltText("QR code to track this delivery").count()).toBe(2);
    expect(pageErrors).toEqual([]);
    for (const c of contexts) await c.close();
  });
});
