import { readFile } from "node:fs/promises";
import { type Deps, getMyBalances, getMyStatement, type SellerActor } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, PASSWORD, shopOwner, signInPage, verifiedUser } from "./fixtures";
import { launchChromium, type Stack, startStack } from "./harness";

const SELLER = { email: "lakshmi-payout@e2e.test", name: "Lakshmi Rao", shopName: "Lakshmi Silks" };
const OTHER = { email: "gopal-payout@e2e.test", name: "Gopal Das", shopName: "Gopal Brass" };
const ADMIN = { email: "admin-payout@e2e.test", name: "Farah Finance" };
const UTR = "HDFCN52026120755";
const HOUR = 3_600_000;

/** Rupees as the apps show them: "₹3,049", or "₹1,234.50" when there are paise. */
const formatRupees = (paise: number) =>
  new Intl.NumberFormat("en-IN", {
    style: "currency",
    currency: "INR",
    minimumFractionDigits: paise % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(paise / 100);

/** The amount in a page's text ("Opening balance₹1,234.50", "-₹40") → paise. */
const paiseOf = (text: string | null) => {
  const m = /(-?)₹([\d,]+(?:\.\d{1,2})?)/.exec(text ?? "");
  if (!m) throw new Error(`no amount in "${text}"`);
  return (m[1] ? -1 : 1) * Math.round(Number(m[2]!.replace(/,/g, "")) * 100);
};

/** The `YYYY-MM` of an instant in India time. */
const istMonth = (at: Date) => new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 7);

let stack: Stack | undefined;
let browser: Browser | undefined;
/** Set when setup fails, so the test fails with it instead of being reported as skipped. */
let setupError: unknown;
let deps: Deps | undefined;
let shop: { id: string; actor: SellerActor } | undefined;
/** The server's clock runs this far ahead of the wall clock once the return windows have passed. */
let clockOffsetMs = 0;

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

/**
 * Everything before the browser: a shop whose owner signs in to the seller app, a buyer's two
 * cash-on-delivery orders of a saree, both walked to delivered by the shop; an admin; and a
 * second shop that must not see the first one's money. The server's clock is injected (every
 * use case, job and token check reads `deps.now`), so the test can let the return windows pass.
 */
async function setUp() {
  stack = await startStack("payout-journey", ["seller-web", "admin-web"]);
  deps = stack.api.runtime.deps;
  deps.now = () => new Date(Date.now() + clockOffsetMs);
  const fx = orderFixture({ deps });
  const owner = await shopOwner(
    deps,
    { email: SELLER.email, name: SELLER.name, shopName: SELLER.shopName },
    { city: "Mysuru", state: "Karnataka", pincode: "570001" },
  );
  shop = { id: owner.seller.id, actor: owner.actor };
  await shopOwner(
    deps,
    { email: OTHER.email, name: OTHER.name, shopName: OTHER.shopName },
    { city: "Moradabad", state: "Uttar Pradesh", pincode: "244001" },
  );
  await verifiedUser(deps, ADMIN, "admin");
  const saree = await fx.variant(owner.seller, 150_000, 10, "Mysore Silk Saree");
  const buyer = await fx.customer();
  for (let i = 0; i < 2; i++) {
    const order = await fx.checkout(buyer, [[saree.id, 1]], "cod");
    await deliver(deps, owner.actor, order.subOrders[0]!.id);
  }
  browser = await launchChromium();
}

/** Rows of a raw query: the test reads tables no page shows (this package has no drizzle). */
async function rows<T extends Record<string, unknown>>(query: string): Promise<T[]> {
  return ((await deps!.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A tRPC call or a file from the API as a signed-in user (not through a page). */
async function api(path: string, token: string) {
  return fetch(`${stack!.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function tokenOf(email: string): Promise<string> {
  const res = await fetch(`${stack!.apiUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email, password: PASSWORD } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { json: { accessToken: string } } } }).result.data.json
    .accessToken;
}

const statementFigures = async (page: Page) => ({
  opening: paiseOf(await page.getByTestId("statement-opening").locator("dd").textContent()),
  credits: paiseOf(await page.getByTestId("statement-credits").locator("dd").textContent()),
  debits: paiseOf(await page.getByTestId("statement-debits").locator("dd").textContent()),
  closing: paiseOf(await page.getByTestId("statement-closing").locator("dd").textContent()),
});

describe("a seller's money, from delivery to the bank and the statement", () => {
  it("the windows pass, the seller withdraws, the admin pays with a UTR, and the month reconciles", async () => {
    if (setupError) throw setupError;
    const errors: string[] = [];
    const onPageError = (app: string) => (m: string) => errors.push(`${app}: ${m}`);
    const sellerUrl = stack!.url["seller-web"];

    // Delivered today: both sales wait for their return windows; nothing can be withdrawn yet.
    const seller = await signInPage(browser!, sellerUrl, SELLER.email, {
      onPageError: onPageError("seller"),
    });
    await seller.getByRole("link", { name: "Earnings", exact: true }).click();
    await expect.poll(() => seller.getByTestId("release-row").count()).toBe(2);
    const before = await getMyBalances(deps!, shop!.actor);
    expect(before.available).toBe(0);
    expect(before.pending).toBeGreaterThan(0);
    expect(await seller.getByTestId("balance-pending").textContent()).toContain(formatRupees(before.pending));
    expect(await seller.getByTestId("balance-available").textContent()).toContain("₹0");

    // A week and more later (the server's clock moved past both windows and the sweep's grace),
    // the maintenance sweep runs as its schedule would and releases what its lost jobs did not.
    const lastRelease = Math.max(...before.releases.map((r) => r.releaseAt.getTime()));
    clockOffsetMs = lastRelease - Date.now() + deps!.sweepGraceMs + HOUR;
    await deps!.jobs.enqueue("maintenance.sweep", {});
    await stack!.api.runtime.drainJobs();
    const released = await getMyBalances(deps!, shop!.actor);
    expect(released).toMatchObject({ pending: 0, available: before.pending, releases: [] });
    expect(released.withdrawable).toBe(released.available);

    // The seller, whose tab stayed open all along, sees the money available.
    await seller.reload();
    await seller
      .getByTestId("balance-available")
      .filter({ hasText: formatRupees(released.available) })
      .waitFor();
    expect(await seller.getByTestId("balance-pending").textContent()).toContain("₹0");
    await seller.getByText("Nothing pending").waitFor();
    expect(await seller.getByTestId("balances").textContent()).toContain(
      `You can withdraw up to ${formatRupees(released.withdrawable)}`,
    );

    // … and asks for all of it on the Payouts page (the form offers the whole balance).
    await seller.getByRole("link", { name: "Request a payout" }).click();
    const form = seller.getByTestId("payout-form");
    expect(await form.getByLabel("Amount (₹)").inputValue()).toBe(String(released.withdrawable / 100));
    await form.getByRole("button", { name: "Request payout" }).click();
    const notice = await seller.getByTestId("payout-notice").textContent();
    const payoutNumber = /Payout (\S+) of/.exec(notice ?? "")?.[1];
    expect(notice).toContain(`of ${formatRupees(released.withdrawable)} requested`);
    expect(payoutNumber).toBeTruthy();
    const mine = seller.getByTestId("payout-row").filter({ hasText: payoutNumber! });
    expect(await mine.getByTestId("payout-status").textContent()).toBe("Requested");
    await seller.getByTestId("payout-blocked").filter({ hasText: "still open" }).waitFor();

    // Bazaar's admin approves it in the payouts queue and marks it paid with the bank's UTR.
    const admin = await signInPage(browser!, stack!.url["admin-web"], ADMIN.email, {
      onPageError: onPageError("admin"),
    });
    await admin.getByRole("link", { name: "Payouts", exact: true }).click();
    const queued = admin.getByTestId("payout-row").filter({ hasText: payoutNumber! });
    expect(await queued.textContent()).toContain(SELLER.shopName);
    expect(await queued.textContent()).toContain(formatRupees(released.withdrawable));
    await queued.getByRole("button", { name: `Approve ${payoutNumber}` }).click();
    await admin
      .getByTestId("payouts-notice")
      .filter({ hasText: `${payoutNumber} approved` })
      .waitFor();
    await admin.getByRole("link", { name: "Approved", exact: true }).click();
    await admin.getByRole("button", { name: `Mark ${payoutNumber} paid` }).click();
    const dialog = admin.getByTestId("payout-paid-dialog");
    await dialog.getByLabel("UTR (bank reference)").fill(UTR);
    await dialog.getByRole("button", { name: "Mark paid" }).click();
    await admin
      .getByTestId("payouts-notice")
      .filter({ hasText: `marked paid with UTR ${UTR}` })
      .waitFor();
    await admin.getByRole("link", { name: "Paid", exact: true }).click();
    await admin
      .getByTestId("payout-row")
      .filter({ hasText: payoutNumber! })
      .filter({ hasText: `UTR ${UTR}` })
      .waitFor();

    // The seller sees it paid, with the reference to find it in their bank statement.
    await seller.reload();
    await mine
      .getByTestId("payout-note")
      .filter({ hasText: `Paid, bank reference (UTR) ${UTR}.` })
      .waitFor();
    expect(await mine.getByTestId("payout-status").textContent()).toBe("Paid");
    await seller.getByRole("link", { name: "Earnings", exact: true }).click();
    await seller
      .getByTestId("balance-paid-out")
      .filter({ hasText: formatRupees(released.withdrawable) })
      .waitFor();
    expect(await seller.getByTestId("balance-available").textContent()).toContain("₹0");

    // The month's statement (the server's month, in India time): opening + credits − debits = closing.
    const month = istMonth(deps!.now());
    await seller.getByRole("link", { name: "Statements", exact: true }).click();
    await seller.getByLabel("Month").waitFor();
    if ((await seller.getByLabel("Month").inputValue()) !== month)
      await seller.goto(`${sellerUrl}/statements?month=${month}`);
    await seller.getByTestId("statement-reconciles").waitFor();
    const shown = await statementFigures(seller);
    expect(shown.opening + shown.credits - shown.debits).toBe(shown.closing);
    const statement = await getMyStatement(deps!, shop!.actor, { month });
    expect(shown).toEqual({
      opening: statement.opening,
      credits: statement.credits,
      debits: statement.debits,
      closing: statement.closing,
    });
    // Everything earned was paid out: Bazaar holds nothing for the shop at the month's end.
    expect(shown.closing).toBe(0);
    expect(await seller.getByTestId("statement-lines").textContent()).toContain("Payout paid");

    // The CSV the page downloads (with the seller's token) closes the same.
    const [download] = await Promise.all([
      seller.waitForEvent("download"),
      seller.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`statement-${month}\\.csv$`));
    const csv = (await readFile((await download.path())!, "utf8")).split("\r\n");
    const cell = (label: string) => {
      const line = csv.find((l) => l.startsWith(`${label},`));
      return Math.round(Number(line?.split(",").at(-1)) * 100);
    };
    expect(csv[0]).toBe(`Statement,${SELLER.shopName},${month}`);
    expect({
      opening: cell("Opening balance"),
      credits: cell("Credits"),
      debits: cell("Debits"),
      closing: cell("Closing balance"),
    }).toEqual(shown);

    // In the database: the balance row is the sum of the entries, bucket by bucket; one payout, paid.
    const [balance] = await rows<Record<string, number>>(
      `select pending, available, in_payout, paid_out from seller_balances where seller_id = '${shop!.id}'`,
    );
    const sums = await rows<{ bucket: string; sum: number }>(
      `select bucket::text, sum(amount)::int as sum from ledger_entries where seller_id = '${shop!.id}' group by bucket`,
    );
    const sum = (bucket: string) => sums.find((s) => s.bucket === bucket)?.sum ?? 0;
    expect(balance).toEqual({
      pending: sum("pending"),
      available: sum("available"),
      in_payout: sum("in_payout"),
      paid_out: sum("paid_out"),
    });
    expect(balance).toEqual({ pending: 0, available: 0, in_payout: 0, paid_out: released.withdrawable });
    const payouts = await rows<{ id: string; number: string; status: string; utr: string; amount: number }>(
      `select id, number, status::text, utr, amount from payouts where seller_id = '${shop!.id}'`,
    );
    expect(payouts).toEqual([
      {
        id: expect.any(String),
        number: payoutNumber,
        status: "paid",
        utr: UTR,
        amount: released.withdrawable,
      },
    ]);

    // Another shop gets none of it: not the payout (the owner's own call shows the same request
    // is well formed), not the admin's statement route; its own statement is its own.
    const input = encodeURIComponent(JSON.stringify({ json: { id: payouts[0]!.id } }));
    const payoutOf = (token: string) => api(`/trpc/seller.payouts.get?input=${input}`, token);
    expect((await payoutOf(await tokenOf(SELLER.email))).status).toBe(200);
    const other = await tokenOf(OTHER.email);
    const refused = await payoutOf(other);
    expect(refused.status).toBe(404);
    const body = (await refused.json()) as { error: { json: { data: { code: string; reason: string } } } };
    expect(body.error.json.data).toMatchObject({ code: "NOT_FOUND", reason: "payout.not_found" });
    expect((await api(`/api/admin/sellers/${shop!.id}/statements/${month}.csv`, other)).status).toBe(403);
    const own = await api(`/api/statements/${month}.csv`, other);
    expect(own.status).toBe(200);
    const ownCsv = await own.text();
    expect(ownCsv).toContain(OTHER.shopName);
    expect(ownCsv).not.toContain(SELLER.shopName);
    expect(ownCsv).not.toContain(payoutNumber!);

    expect(errors).toEqual([]);
  });
});
