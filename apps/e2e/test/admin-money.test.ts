import { readFile } from "node:fs/promises";
import { type Deps, getMyBalances, requestPayout, type SellerActor } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, shopOwner, signInPage, verifiedUser } from "./fixtures";
import { launchChromium, type Stack, startStack } from "./harness";

const ADMIN = { email: "admin-money@e2e.test", name: "Farah Finance" };

/** Rupees as the apps show them: "₹3,049", or "₹1,234.50" when there are paise. */
const formatRupees = (paise: number) =>
  new Intl.NumberFormat("en-IN", {
    style: "currency",
    currency: "INR",
    minimumFractionDigits: paise % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(paise / 100);

let stack: Stack | undefined;
let browser: Browser | undefined;
/** Set when setup fails, so the test fails with it instead of being reported as skipped. */
let setupError: unknown;
const seeded = { shopId: "", shopName: "", gmv: 0 };
let shopActor: SellerActor | undefined;
let deps: Deps | undefined;

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Two cash-on-delivery orders of one shop delivered today: their money is pending (return windows open). */
async function setUp() {
  stack = await startStack("admin-money", ["admin-web"]);
  deps = stack.api.runtime.deps;
  await verifiedUser(deps, ADMIN, "admin");
  const fx = orderFixture({ deps });
  // A shop made as sign-up makes it, so its bank account is really encrypted for the bank file.
  const shop = await shopOwner(
    deps,
    { email: "kavya@e2e.test", name: "Kavya Iyer", shopName: "Kavya Textiles" },
    { city: "Kanchipuram", state: "Tamil Nadu", pincode: "631501" },
  );
  shopActor = shop.actor;
  seeded.shopId = shop.seller.id;
  seeded.shopName = shop.seller.shopName;
  const saree = await fx.variant(shop.seller, 150_000, 10, "Kanjeevaram Saree");
  for (let i = 0; i < 2; i++) {
    const order = await fx.checkout(await fx.customer(), [[saree.id, 1]], "cod");
    seeded.gmv += order.total;
    await deliver(deps, shop.actor, order.subOrders[0]!.id);
  }
  browser = await launchChromium();
}

describe("admin money", () => {
  it("reads the dashboards, pays a payout with its bank file and UTR, rejects another, adjusts a balance and finds it all in the audit log", async () => {
    if (setupError) throw setupError;
    const errors: string[] = [];
    const page = await signInPage(browser!, stack!.url["admin-web"], ADMIN.email, {
      timeoutMs: 15_000,
      onPageError: (m) => errors.push(m),
    });
    const base = stack!.url["admin-web"];

    // The home dashboard: today's two orders and their GMV, against nothing the day before.
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    await page.getByRole("link", { name: "Today", exact: true }).click();
    await page.getByTestId("home-kpis").waitFor();
    expect(await page.getByTestId("kpi-orders-value").textContent()).toBe("2");
    expect(await page.getByTestId("kpi-gmv-value").textContent()).toBe(formatRupees(seeded.gmv));
    expect(await page.getByTestId("home-table").textContent()).toContain("Refund rate");

    // Analytics over the last 7 days: the shop tops the ranking, in the chart's table too.
    await page.getByRole("link", { name: "Analytics", exact: true }).first().click();
    await page.getByTestId("analytics-kpis").waitFor();
    await page.getByLabel("Period", { exact: true }).selectOption("7d");
    await page.getByTestId("chart-top-shops").filter({ hasText: seeded.shopName }).waitFor();
    expect(await page.getByTestId("chart-payment-methods").textContent()).toContain(formatRupees(seeded.gmv));
    await page.getByTestId("chart-revenue").getByRole("button", { name: "Show as table" }).click();
    expect(await page.getByTestId("chart-revenue").getByRole("table").isVisible()).toBe(true);

    // The seller's page: the sales are pending; a credit (reason required) makes money available.
    await page.goto(`${base}/sellers/${seeded.shopId}`);
    const balances = page.getByTestId("seller-balances");
    await balances.getByTestId("seller-releases").waitFor();
    expect(await balances.getByTestId("seller-releases").getByRole("row").count()).toBe(3);
    const adjust = page.getByTestId("adjust-balance-form");
    await adjust.getByLabel("Direction").selectOption("credit");
    await adjust.getByLabel("Amount (₹)").fill("1000");
    await adjust.getByRole("button", { name: "Post adjustment" }).click();
    expect(await adjust.getByText("Give a reason of at least 5 characters").isVisible()).toBe(true);
    await adjust.getByLabel("Reason").fill("Goodwill for a late pickup");
    await adjust.getByRole("button", { name: "Post adjustment" }).click();
    await adjust.getByText("Credited ₹1,000.").waitFor();
    await page.getByTestId("ledger-row").filter({ hasText: "Goodwill for a late pickup" }).waitFor();
    await balances.filter({ hasText: "Can withdraw ₹1,000 now" }).waitFor();

    // The shop asks for it.
    const payout = await requestPayout(deps!, shopActor!, { amount: 100_000 });
    expect((await getMyBalances(deps!, shopActor!)).openPayoutId).toBe(payout.id);

    // The payouts queue: approve, download the bank file, mark paid with the UTR.
    await page.getByRole("link", { name: "Payouts", exact: true }).click();
    const row = page.getByTestId("payout-row").filter({ hasText: payout.number });
    expect(await row.textContent()).toContain(formatRupees(payout.amount));
    await row.getByRole("button", { name: `Approve ${payout.number}` }).click();
    await page.getByTestId("payouts-notice").filter({ hasText: "approved" }).waitFor();
    await page.getByRole("link", { name: "Approved", exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-payouts").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toContain(`Kavya Iyer,50100234567812,HDFC0000123,1000.00,${payout.number}`);
    await page.getByTestId("payouts-notice").filter({ hasText: "1 payout" }).waitFor();
    await page.getByRole("button", { name: `Mark ${payout.number} paid` }).click();
    const dialog = page.getByTestId("payout-paid-dialog");
    await dialog.getByLabel("UTR (bank reference)").fill("hdfc-12");
    await dialog.getByRole("button", { name: "Mark paid" }).click();
    expect(await dialog.getByText("A UTR is 12 to 22 letters and digits").isVisible()).toBe(true);
    await dialog.getByLabel("UTR (bank reference)").fill("HDFCN52026120712");
    await dialog.getByRole("button", { name: "Mark paid" }).click();
    await page.getByTestId("payouts-notice").filter({ hasText: "HDFCN52026120712" }).waitFor();
    await page.getByTestId("payouts-empty").waitFor();
    await page.getByRole("link", { name: "Paid", exact: true }).click();
    await page.getByTestId("payout-row").filter({ hasText: "UTR HDFCN52026120712" }).waitFor();

    // Back on the seller's page: paid out.
    await page.getByTestId("payout-row").getByRole("link", { name: seeded.shopName }).click();
    await balances.filter({ hasText: `Paid out${formatRupees(payout.amount)}` }).waitFor();

    // Its history in the audit log, with the diff of the adjustment.
    await page.getByRole("link", { name: "History", exact: true }).click();
    const entry = page.getByTestId("audit-row").filter({ hasText: "ledger.adjusted" });
    await entry.getByRole("button", { name: /Changes|Details/ }).click();
    await page.getByTestId("audit-detail").waitFor();
    expect(await page.getByTestId("audit-detail").textContent()).toContain("Goodwill for a late pickup");

    // Every payout step, newest first, the bank file among them.
    await page.goto(`${base}/audit?action=payout.`);
    await page.getByTestId("audit-row").first().waitFor();
    const actions = await page.getByTestId("audit-row").locator(".bz-mono").allTextContents();
    expect(actions.filter((a) => a.startsWith("payout."))).toEqual([
      "payout.paid",
      "payout.exported",
      "payout.approved",
      "payout.requested",
    ]);

    // A second request is rejected with a reason; its amount is available again.
    await page.goto(`${base}/sellers/${seeded.shopId}`);
    const more = page.getByTestId("adjust-balance-form");
    await more.getByLabel("Direction").selectOption("credit");
    await more.getByLabel("Amount (₹)").fill("600");
    await more.getByLabel("Reason").fill("Festival bonus for the shop");
    await more.getByRole("button", { name: "Post adjustment" }).click();
    await more.getByText("Credited ₹600.").waitFor();
    const second = await requestPayout(deps!, shopActor!, { amount: 60_000 });
    await page.goto(`${base}/payouts?status=all&seller=${seeded.shopId}`);
    await page.getByTestId("payout-row").filter({ hasText: second.number }).waitFor();
    expect(await page.getByTestId("payout-row").count()).toBe(2);
    expect(await page.getByTestId("payouts-seller").textContent()).toContain(seeded.shopName);
    await page.getByRole("button", { name: `Reject ${second.number}` }).click();
    const reject = page.getByTestId("payout-reject");
    await reject.getByLabel("Reason").fill("Bank account under review");
    await reject.getByRole("button", { name: "Reject payout" }).click();
    await page
      .getByTestId("payouts-notice")
      .filter({ hasText: "back in the seller's available balance" })
      .waitFor();
    await page.getByTestId("payout-row").filter({ hasText: "Bank account under review" }).waitFor();
    expect((await getMyBalances(deps!, shopActor!)).available).toBe(60_000);

    // Finance settings: TCS halved, the summary says so.
    await page.getByRole("link", { name: "Finance", exact: true }).click();
    await page.getByLabel("TCS (%)").fill("0.5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByTestId("finance-summary").filter({ hasText: "TCS is 0.5%" }).waitFor();

    expect(errors).toEqual([]);
  });
});
