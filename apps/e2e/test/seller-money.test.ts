import { type Deps, getMyBalances, listMyPayouts, type SellerActor } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import { describe, expect, it } from "vitest";
import { browserSuite, deliver, shopOwner, signInPage } from "./fixtures";

// The seller app's own checks of its money pages (payout-journey.test.ts follows a payout
// across the seller and admin apps): why a payout cannot be asked for yet, the ledger's
// filter, a refused amount on its field, and the analytics dashboard on a phone.

const EMAIL = "meera-money@e2e.test";
const HOUR = 3_600_000;

/** Rupees as the apps show them: "₹3,049", or "₹1,234.50" when there are paise. */
const formatRupees = (paise: number) =>
  new Intl.NumberFormat("en-IN", {
    style: "currency",
    currency: "INR",
    minimumFractionDigits: paise % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(paise / 100);

/** The server's clock runs this far ahead of the wall clock once the return windows have passed. */
let clockOffsetMs = 0;

/** Two cash-on-delivery orders of one shop, delivered: their money waits for the return windows. */
async function setUp(deps: Deps): Promise<{ deps: Deps; shop: SellerActor }> {
  deps.now = () => new Date(Date.now() + clockOffsetMs);
  const fx = orderFixture({ deps });
  const owner = await shopOwner(
    deps,
    { email: EMAIL, name: "Meera", shopName: "Meera Handlooms" },
    { city: "Kochi", state: "Kerala", pincode: "682001" },
  );
  const { id: variantId } = await fx.variant(owner.seller, 150_000, 10, "Kasavu Saree");
  for (let i = 0; i < 2; i++) {
    const order = await fx.checkout(await fx.customer(), [[variantId, 1]], "cod");
    await deliver(deps, owner.actor, order.subOrders[0]!.id);
  }
  return { deps, shop: owner.actor };
}

const suite = browserSuite("seller-money", ["seller-web"], setUp);

describe("the seller's money pages, in the browser", () => {
  it("explains a payout not yet possible, filters the ledger, refuses a small payout on its field, and reads analytics on a phone", async () => {
    suite.check();
    const { deps, shop } = suite.world;
    const errors: string[] = [];
    const page = await signInPage(suite.browser, suite.stack.url["seller-web"], EMAIL, {
      timeoutMs: 15_000,
      onPageError: (m) => errors.push(m),
    });

    // Delivered today: both sales are pending, so the payout form says why it is disabled.
    await page.getByRole("link", { name: "Earnings", exact: true }).click();
    await expect.poll(() => page.getByTestId("release-row").count()).toBe(2);
    const before = await getMyBalances(deps, shop);
    expect(await page.getByTestId("balance-pending").textContent()).toContain(formatRupees(before.pending));
    await page.getByRole("link", { name: "Payouts", exact: true }).first().click();
    expect(await page.getByTestId("payout-blocked").textContent()).toContain(
      "The smallest payout is ₹500; you have ₹0 available.",
    );
    expect(await page.getByTestId("request-payout").isDisabled()).toBe(true);

    // The windows close (the server's clock moves on) and the sweep releases the money.
    const lastRelease = Math.max(...before.releases.map((r) => r.releaseAt.getTime()));
    clockOffsetMs = lastRelease - Date.now() + deps.sweepGraceMs + HOUR;
    await deps.jobs.enqueue("maintenance.sweep", {});
    await suite.stack.api.runtime.drainJobs();
    const balances = await getMyBalances(deps, shop);
    expect(balances.available).toBe(before.pending);

    // The ledger filtered to commission: one debit per sale, the filter kept in the URL.
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

    // Below the minimum is refused on the field before asking; then the whole balance is asked for.
    await page.getByRole("link", { name: "Payouts", exact: true }).first().click();
    const form = page.getByTestId("payout-form");
    await form.getByLabel("Amount (₹)").fill("100");
    await form.getByRole("button", { name: "Request payout" }).click();
    expect(await form.getByText("The smallest payout is ₹500").isVisible()).toBe(true);
    expect(await form.getByLabel("Amount (₹)").getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel("Amount (₹)").fill(String(balances.withdrawable / 100));
    await form.getByRole("button", { name: "Request payout" }).click();
    await page.getByTestId("payout-notice").waitFor();
    await page.getByTestId("payout-blocked").filter({ hasText: "is still open" }).waitFor();
    const [payout] = (await listMyPayouts(deps, shop, { limit: 5 })).items;
    expect(payout).toMatchObject({ amount: balances.withdrawable, status: "requested" });
    expect(await page.getByTestId("payout-row").first().textContent()).toContain(payout!.number);

    // Analytics on a 360-px phone: two orders in the last 7 days, the chart within the screen,
    // its numbers as a table, the top product listed.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole("link", { name: "Analytics", exact: true }).click();
    await page.getByTestId("range-7").click();
    await page.waitForURL(/days=7/);
    await page.getByTestId("kpi-orders-value").filter({ hasText: "2" }).waitFor();
    const chart = page.getByTestId("chart-revenue");
    await chart.locator(".recharts-surface").waitFor();
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(360);
    await chart.getByRole("button", { name: "Show as table" }).click();
    expect(await chart.getByRole("table").isVisible()).toBe(true);
    expect(await chart.getByRole("table").textContent()).toContain(formatRupees(300_000));
    await page.getByTestId("top-products").filter({ hasText: "Kasavu Saree" }).waitFor();

    expect(errors).toEqual([]);
  });
});
