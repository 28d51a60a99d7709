import {
  approvePayout,
  type Deps,
  getMyBalances,
  getMyStatement,
  listMyPayouts,
  markPayoutPaid,
  type SellerActor,
} from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The release job's own function, run with the clock moved past the return windows.
import { releaseFunds } from "../../../packages/core/src/ledger/release-funds";
import { deliver, shopOwner, signInPage, verifiedUser } from "./fixtures";
import { launchChromium, type Stack, startStack } from "./harness";

const EMAIL = "meera-money@e2e.test";
const UTR = "HDFCN52026120799";

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
let setupError: unknown;
let deps: Deps | undefined;
let shop: SellerActor | undefined;
let admin: Awaited<ReturnType<typeof verifiedUser>>["actor"] | undefined;
const subOrderIds: string[] = [];

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

/** Two cash-on-delivery orders of one shop, delivered: their money waits for the return windows. */
async function setUp() {
  stack = await startStack("seller-money", ["seller-web"]);
  deps = stack.api.runtime.deps;
  const fx = orderFixture({ deps });
  const owner = await shopOwner(
    deps,
    { email: EMAIL, name: "Meera", shopName: "Meera Handlooms" },
    { city: "Kochi", state: "Kerala", pincode: "682001" },
  );
  shop = owner.actor;
  const { id: variantId } = await fx.variant(owner.seller, 150_000, 10, "Kasavu Saree");
  for (let i = 0; i < 2; i++) {
    const order = await fx.checkout(await fx.customer(), [[variantId, 1]], "cod");
    subOrderIds.push(order.subOrders[0]!.id);
    await deliver(deps, shop, order.subOrders[0]!.id);
  }
  admin = (await verifiedUser(deps, { email: "admin-seller-money@e2e.test", name: "Farah" }, "admin")).actor;
  browser = await launchChromium();
}

describe("the seller's money, in the browser", () => {
  it("sees sales pending, then available once the windows close, withdraws them, and the month's statement reconciles", async () => {
    if (setupError) throw setupError;
    const errors: string[] = [];
    const page = await signInPage(browser!, stack!.url["seller-web"], EMAIL, {
      timeoutMs: 15_000,
      onPageError: (m) => errors.push(m),
    });

    // Delivered today: both sales are pending until their return windows close.
    await page.getByRole("link", { name: "Earnings", exact: true }).click();
    await page.getByTestId("release-row").nth(1).waitFor();
    const pending = await getMyBalances(deps!, shop!);
    expect(pending.available).toBe(0);
    expect(await page.getByTestId("balance-pending").textContent()).toContain(formatRupees(pending.pending));
    await page.getByRole("link", { name: "Payouts", exact: true }).first().click();
    expect(await page.getByTestId("payout-blocked").textContent()).toContain("The smallest payout is ₹500");
    expect(await page.getByTestId("request-payout").isDisabled()).toBe(true);

    // The windows close (the clock moved on): the sweep's release makes the money available.
    const later = new Date(Date.now() + 60 * 86_400_000);
    for (const id of subOrderIds) expect(await releaseFunds({ ...deps!, now: () => later }, id)).toBe(true);
    const balances = await getMyBalances(deps!, shop!);
    expect(balances.pending).toBe(0);

    // The ledger, filtered to commission: one debit per sale.
    await page.getByRole("link", { name: "Earnings", exact: true }).click();
    await page
      .getByTestId("balance-available")
      .filter({ hasText: formatRupees(balances.available) })
      .waitFor();
    await page.getByLabel("Kind").selectOption("commission");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/kind=commission/);
    await expect.poll(() => page.getByTestId("ledger-row").count()).toBe(2);
    for (const text of await page.getByTestId("ledger-row").allTextContents())
      expect(text).toContain("Commission");

    // A payout: below the minimum is refused on the field; the whole balance is asked for.
    await page.getByRole("link", { name: "Payouts", exact: true }).first().click();
    const form = page.getByTestId("payout-form");
    await form.getByLabel("Amount (₹)").fill("100");
    await form.getByRole("button", { name: "Request payout" }).click();
    expect(await form.getByText("The smallest payout is ₹500").isVisible()).toBe(true);
    await form.getByLabel("Amount (₹)").fill(String(balances.withdrawable / 100));
    await form.getByRole("button", { name: "Request payout" }).click();
    await page.getByTestId("payout-notice").waitFor();
    await page.getByTestId("payout-blocked").filter({ hasText: "is still open" }).waitFor();
    const [row] = (await listMyPayouts(deps!, shop!, { limit: 5 })).items;
    expect(row?.amount).toBe(balances.withdrawable);

    // Bazaar approves it and pays it with a UTR; the seller sees the reference.
    await approvePayout(deps!, admin!, { id: row!.id });
    await markPayoutPaid(deps!, admin!, { id: row!.id, utr: UTR });
    await page.reload();
    await page.getByTestId("payout-note").filter({ hasText: UTR }).waitFor();
    expect(await page.getByTestId("payout-status").first().textContent()).toBe("Paid");

    // This month's statement: opening + credits − debits = closing, to the paisa, and as a CSV.
    await page.getByRole("link", { name: "Statements", exact: true }).click();
    await page.getByTestId("statement-reconciles").waitFor();
    const month = await page.getByLabel("Month").inputValue();
    const statement = await getMyStatement(deps!, shop!, { month });
    expect(statement.opening + statement.credits - statement.debits).toBe(statement.closing);
    expect(statement.closing).toBe(0);
    expect(await page.getByTestId("statement-credits").textContent()).toContain(
      formatRupees(statement.credits),
    );
    expect(await page.getByTestId("statement-debits").textContent()).toContain(
      formatRupees(statement.debits),
    );
    expect(await page.getByTestId("statement-closing").textContent()).toContain("₹0");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-statement-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${month}\\.csv$`));

    // Analytics on a phone: two orders today, the revenue readable as a table too.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("link", { name: "Analytics", exact: true }).click();
    await page.getByTestId("range-7").click();
    await page.getByTestId("kpi-orders-value").filter({ hasText: "2" }).waitFor();
    const chart = page.getByTestId("chart-revenue");
    await chart.locator(".recharts-surface").waitFor();
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(360);
    await chart.getByRole("button", { name: "Show as table" }).click();
    expect(await chart.getByRole("table").isVisible()).toBe(true);
    await page.getByTestId("top-products").filter({ hasText: "Kasavu Saree" }).waitFor();

    expect(errors).toEqual([]);
  });
});
