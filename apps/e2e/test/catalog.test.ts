import {
  type Actor,
  applyToSell,
  approveSeller,
  authenticate,
  createCategory,
  createVerifiedUser,
  type Deps,
} from "@bazaar/core";
import { signInForTest as login } from "@bazaar/core/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, png, rememberDevice, signInPage as signInTo } from "./fixtures";
import { launchChromium, type Stack, startStack } from "./harness";

const APPS = ["customer-web", "seller-web", "admin-web"] as const;
type App = (typeof APPS)[number];
const ADMIN = { email: "admin@e2e.test", name: "Asha Admin" };
const SELLER = { email: "ravi@e2e.test", name: "Ravi Patel" };

let stack: Stack | undefined;
let url = {} as Record<App, string>;
let browser: Browser | undefined;
let admin: Actor;
let sellerId: string;
/** Set when setup fails, so the test fails with it instead of being reported as skipped. */
let setupError: unknown;

async function signIn(deps: Deps, email: string): Promise<Actor> {
  const session = await login(deps, { ip: null, userAgent: null }, { email, password: PASSWORD });
  return authenticate(deps, session.accessToken);
}

const signInPage = (context: BrowserContext, app: App, email: string): Promise<Page> =>
  signInTo(context, url[app], email, { timeoutMs: 15_000 });

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
});

async function setUp() {
  stack = await startStack("catalog", APPS);
  url = stack.url;

  // The marketplace before the story starts: an admin, a category tree, and a customer who
  // has applied to sell (register + verify is covered by signup.test.ts).
  const deps = stack.api.runtime.deps;
  await createVerifiedUser(deps, { ...ADMIN, password: PASSWORD, role: "admin" });
  await rememberDevice(deps, ADMIN.email);
  await createVerifiedUser(deps, { ...SELLER, password: PASSWORD, role: "customer" });
  admin = await signIn(deps, ADMIN.email);
  const women = await createCategory(deps, admin, { name: "Women" });
  await createCategory(deps, admin, { name: "Sarees", parentId: women.id });
  const application = await applyToSell(deps, await signIn(deps, SELLER.email), {
    shopName: "Ravi Textiles",
    contactEmail: SELLER.email,
    contactPhone: "98240 12345",
    pickupAddress: {
      name: SELLER.name,
      phone: "98240 12345",
      line1: "Shop 214, Surat Textile Market",
      city: "Surat",
      state: "Gujarat",
      pincode: "395002",
    },
    bankAccount: { holder: "Ravi Textiles", number: "50100234567812", ifsc: "HDFC0000123" },
  });
  sellerId = application.id;

  browser = await launchChromium();
}

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("catalogue in the browser", () => {
  it("a seller lists a product with variants and an image, an admin approves it, a customer finds it misspelt", async () => {
    if (setupError) throw setupError;
    const pageErrors: string[] = [];
    // One context per person: the three apps share a host, so they would share cookies.
    const contexts = await Promise.all([1, 2, 3].map(() => browser!.newContext()));
    const [sellerContext, adminContext, customerContext] = contexts as [
      BrowserContext,
      BrowserContext,
      BrowserContext,
    ];
    for (const c of contexts) c.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(e.message)));

    // The applicant signs in to the seller app and sees the application waiting.
    const seller = await signInPage(sellerContext, "seller-web", SELLER.email);
    await seller.waitForURL((u) => u.pathname === "/apply");
    await seller.getByText("Waiting for review").waitFor();

    // Approval makes the account a seller; the token refresh on the next load carries the role.
    await approveSeller(stack!.api.runtime.deps, admin, { sellerId });
    await seller.reload();
    await seller.getByTestId("seller-dashboard").waitFor();

    // A product with a Size option (M, L): two variants, prices in rupees, one image.
    await seller.goto(`${url["seller-web"]}/products/new`);
    await seller.getByLabel("Title").fill("Handloom Cotton Saree");
    await seller.getByLabel("Description").fill("Soft handloom cotton with a woven zari border, from Surat.");
    await seller.getByLabel("Category").selectOption({ label: "Women › Sarees" });
    await seller.getByTestId("add-option").click();
    await seller.getByLabel("Option 1 name").fill("Size");
    await seller.getByLabel("Option 1 values").fill("M, L");
    await expect.poll(() => seller.getByTestId("variant-row").count()).toBe(2);
    await seller.getByLabel("SKU for M").fill("SAREE-M");
    await seller.getByLabel("Price for M", { exact: true }).fill("1299.50");
    await seller.getByLabel("Initial stock for M").fill("5");
    await seller.getByLabel("SKU for L").fill("SAREE-L");
    await seller.getByLabel("Price for L", { exact: true }).fill("1349");
    await seller.getByLabel("Compare-at price for L").fill("1599");
    await seller.getByLabel("Initial stock for L").fill("3");
    await seller
      .getByTestId("image-input")
      .setInputFiles({ name: "saree.png", mimeType: "image/png", buffer: png(64, 64, [180, 40, 60]) });
    await seller.getByTestId("image").waitFor();
    await seller.getByTestId("submit-for-review").click();
    await seller.waitForURL((u) => /^\/products\/[0-9a-f-]{36}$/.test(u.pathname));
    await seller.getByTestId("editor-notice").waitFor();
    expect(await seller.getByTestId("product-status").textContent()).toBe("Pending review");

    // The admin approves it from the moderation queue.
    const adminPage = await signInPage(adminContext, "admin-web", ADMIN.email);
    await adminPage.waitForURL((u) => u.pathname === "/moderation");
    await adminPage.getByTestId("queue-item").filter({ hasText: "Handloom Cotton Saree" }).click();
    const preview = adminPage.getByTestId("product-preview");
    await expect.poll(() => preview.locator("tbody tr").count()).toBe(2);
    await adminPage.getByTestId("approve").click();
    await adminPage.getByTestId("moderation-notice").waitFor();
    expect(await adminPage.getByTestId("moderation-notice").textContent()).toContain("Approved");

    // A shopper, not signed in, misspells the search and still finds it.
    const shopper = await customerContext.newPage();
    shopper.setDefaultTimeout(15_000);
    await shopper.goto(url["customer-web"]);
    await shopper.getByTestId("search-input").fill("handlom sare");
    await shopper.getByTestId("search-input").press("Enter");
    await shopper.waitForURL((u) => u.pathname === "/search");
    const card = shopper.getByTestId("product-card").filter({ hasText: "Handloom Cotton Saree" });
    await card.waitFor();
    expect(await card.textContent()).toContain("₹1,299.50");
    await card.getByRole("link", { name: /Handloom Cotton Saree/ }).click();

    await shopper.getByTestId("product-page").waitFor();
    expect(await shopper.getByTestId("option-value").allTextContents()).toEqual(["M", "L"]);
    expect(await shopper.getByTestId("variant-price").textContent()).toContain("₹1,299.50");
    await shopper.getByTestId("option-value").filter({ hasText: "L" }).click();
    await expect.poll(() => shopper.getByTestId("variant-sku").textContent()).toBe("SAREE-L");
    expect(await shopper.getByTestId("variant-price").textContent()).toMatch(/₹1,349.*₹1,599/);
    expect(await shopper.getByTestId("variant-stock").textContent()).toBe("Only 3 left in stock");
    expect(await shopper.getByTestId("seller-link").textContent()).toBe("Ravi Textiles");
    // The uploaded image is served and shown.
    const image = shopper.getByTestId("gallery").locator("img").first();
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(64);

    expect(pageErrors).toEqual([]);
    for (const c of contexts) await c.close();
  });
});
