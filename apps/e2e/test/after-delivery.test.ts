import { completeDevPayment, confirmPayment, type Deps, type DevGateway } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, buyerWithAddress, deliver, png, shopOwner, signInPage } from "./fixtures";

const BUYER = { email: "asha@e2e.test", name: "Asha Verma" };
const SELLER = { email: "ravi@e2e.test", name: "Ravi Patel", shop: "Ravi Textiles" };
const PRODUCT = "Handloom Cotton Saree";

const suite = browserSuite("after-delivery", ["customer-web", "seller-web"], setUp);

/**
 * Everything before the browser: an approved shop whose owner can sign in, one saree (₹1,200,
 * 10 in stock), and a buyer who bought 2 of it online through the dev gateway; the shop
 * walked the order to delivered. The rest of the journey happens in the three apps' pages.
 */
async function setUp(deps: Deps) {
  const fx = orderFixture({ deps });
  const { seller, actor: shopActor } = await shopOwner(
    deps,
    { email: SELLER.email, name: SELLER.name, shopName: SELLER.shop },
    { city: "Surat", state: "Gujarat", pincode: "395002" },
  );
  const { product, id: variantId } = await fx.variant(seller, 120_000, 10, PRODUCT);

  const { actor, addressId } = await buyerWithAddress(deps, BUYER, {
    line1: "42 Residency Road",
    city: "Bengaluru",
    state: "Karnataka",
    pincode: "560025",
    isDefault: true,
  });
  const placed = await fx.checkout({ actor, addressId }, [[variantId, 2]], "razorpay");
  // Paid as the dev gateway's hosted page would (the checkout browser test drives that page).
  const { redirectParams } = completeDevPayment(deps.payments as DevGateway, {
    orderId: placed.payment!.razorpayOrderId!,
    outcome: "pay",
  });
  const paid = redirectParams as {
    razorpay_order_id: string;
    razorpay_payment_id: string;
    razorpay_signature: string;
  };
  const order = await confirmPayment(deps, actor, {
    razorpayOrderId: paid.razorpay_order_id,
    razorpayPaymentId: paid.razorpay_payment_id,
    signature: paid.razorpay_signature,
  });
  expect(order.paymentStatus).toBe("paid");
  const sub = order.subOrders[0]!;
  await deliver(deps, shopActor, sub.id);
  return { deps, fx, product, variantId, order };
}

/** A fresh browser session signed in to one app; page errors are collected in `errors`. */
const signIn = (app: "customer-web" | "seller-web", email: string, errors: string[]): Promise<Page> =>
  signInPage(suite.browser, suite.stack.url[app], email, { onPageError: (m) => errors.push(`${app}: ${m}`) });

/** The rows of a raw query: the test reads the tables no page shows (this package has no drizzle). */
async function rows<T extends Record<string, unknown>>(query: string): Promise<T[]> {
  const result = (await suite.world.deps.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

describe("after delivery, across the apps", () => {
  it("a return with a photo is approved, received and refunded; the buyer's review and the shop's reply reach the product page", async () => {
    suite.check();
    const { fx, product, variantId, order } = suite.world;
    const shopUrl = suite.stack.url["customer-web"];
    const errors: string[] = [];
    expect(await fx.stockOf(variantId)).toBe(8);

    // The buyer opens the order: the delivered line offers a return of up to 2 units.
    const buyer = await signIn("customer-web", BUYER.email, errors);
    await buyer.goto(`${shopUrl}/orders/${order.id}`);
    const line = buyer.getByTestId("line-actions");
    expect(await line.getByTestId("return-window-line").textContent()).toMatch(
      /^Return up to 2 by .+ \(\d+ days left\)$/,
    );
    await line.getByRole("button", { name: "Return", exact: true }).click();

    // One of the two, because it does not fit, with a photo; an online order asks no account.
    const dialog = buyer.getByTestId("return-dialog");
    expect(await dialog.getByTestId("return-line-select").isChecked()).toBe(true);
    await dialog.getByLabel("Units").selectOption("1");
    await dialog.getByLabel("Reason").selectOption({ label: "Size or fit" });
    await dialog.getByLabel("Anything the shop should know? (optional)").fill("Too short for me.");
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "saree.png", mimeType: "image/png", buffer: png(32, 32, [180, 40, 90]) });
    await dialog.getByTestId("photo").waitFor();
    expect(await dialog.getByLabel("UPI id").count()).toBe(0);
    await dialog.getByTestId("return-submit").click();

    // The return's page: requested, ₹1,200 to the original payment once the shop has it.
    await buyer.getByTestId("return-requested").waitFor();
    const returnId = buyer.url().split("/returns/")[1]!;
    const returnNumber = (await buyer.getByRole("heading", { level: 1 }).textContent())!.replace(
      "Return ",
      "",
    );
    expect(await buyer.getByTestId("return-status").first().textContent()).toBe("Requested");
    expect(await buyer.getByTestId("refund-amount").textContent()).toMatch(/₹1,200/);
    expect(await buyer.getByTestId("refund-text").textContent()).toBe(
      "₹1,200 will be refunded to your original payment method once the shop receives the items.",
    );
    await buyer.getByTestId("return-item").getByText("1 unit · Size or fit").waitFor();
    await buyer.getByText("Too short for me.", { exact: true }).waitFor();
    expect(await buyer.getByRole("img", { name: "Attached 1 of 1" }).count()).toBe(1);

    // The buyer's page stays open from here to the refund; a marker shows it is never reloaded.
    await buyer.evaluate("window.stillHere = true");

    // The seller's Returns board: the request with the buyer's reason, comment and photo.
    const shop = await signIn("seller-web", SELLER.email, errors);
    const nav = shop.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Returns (1)" }).click();
    await shop.getByTestId("return-item").getByText(returnNumber).click();
    const detail = shop.getByTestId("return-detail");
    await detail.getByText(returnNumber).first().waitFor();
    expect(await detail.getByTestId("return-reason").textContent()).toBe("Size or fit");
    expect(await detail.getByTestId("return-comment").textContent()).toBe("Too short for me.");
    expect(await detail.getByRole("img", { name: "From the customer, 1 of 1" }).count()).toBe(1);
    await detail.getByRole("button", { name: "Approve return" }).click();
    await shop.getByTestId("returns-notice").getByText(`${returnNumber} approved`).waitFor();

    // The parcel is back: received, put back on sale.
    await detail.getByRole("button", { name: "Mark received" }).click();
    const receive = shop.getByTestId("receive-return-dialog");
    await receive.getByRole("checkbox", { name: new RegExp(PRODUCT) }).check();
    expect(await receive.getByTestId("restock-summary").textContent()).toBe("1 unit goes back on sale.");
    await receive.getByRole("button", { name: "Mark received" }).click();
    await shop
      .getByTestId("returns-notice")
      .getByText(`${returnNumber} received. ₹1,200 is being refunded to the customer's original payment.`)
      .waitFor();

    // The refund job pays it back through the dev gateway; the buyer's open page follows live.
    const refundOf = () =>
      rows<{ status: string }>(`select status from refunds where return_id = '${returnId}'`);
    await expect.poll(refundOf, { timeout: 20_000 }).toEqual([{ status: "processed" }]);
    await buyer.getByTestId("return-status").getByText("Refunded").first().waitFor();
    expect(await buyer.evaluate("window.stillHere === true")).toBe(true);
    expect(await buyer.getByTestId("refund-text").textContent()).toMatch(
      /^₹1,200 was refunded to your original payment method on .+\.$/,
    );
    expect(await buyer.getByTestId("return-steps").getByRole("listitem").allTextContents()).toEqual([
      "✓ Requested",
      "✓ Approved",
      "✓ Received by the shop",
      "✓ Refunded",
    ]);
    await buyer.getByTestId("return-item").getByText("back in stock").waitFor();

    // What the buyer cannot see: one unit back on the shelf and in the log, one refund of ₹1,200.
    expect(await fx.stockOf(variantId)).toBe(9);
    const refunds = await rows<{ amount: number; status: string }>(
      `select amount, status from refunds where order_id = '${order.id}'`,
    );
    expect(refunds).toEqual([{ amount: 120_000, status: "processed" }]);
    const restocks = await rows<{ delta: number; resulting_stock: number }>(
      `select delta, resulting_stock from inventory_movements where variant_id = '${variantId}' and delta > 0`,
    );
    expect(restocks).toEqual([{ delta: 1, resulting_stock: 9 }]);

    // The buyer kept the other saree and reviews it from the product page.
    await buyer.goto(`${shopUrl}/p/${product.slug}`);
    const reviews = buyer.getByTestId("reviews");
    await reviews.getByTestId("reviews-empty").waitFor();
    await reviews.getByRole("button", { name: "Write a review" }).click();
    const form = buyer.getByTestId("review-dialog");
    await form.locator("label", { hasText: "5 out of 5 stars" }).click();
    await form.getByLabel("Title").fill("Beautiful weave");
    await form
      .getByLabel("Your review")
      .fill("Soft cotton and lovely colours. One was too short, refunded quickly.");
    await form.getByRole("button", { name: "Post review" }).click();
    await reviews.getByTestId("review").getByText("Beautiful weave").waitFor();
    await reviews.getByRole("button", { name: "Edit your review" }).waitFor();

    // The seller replies from the Reviews page.
    await nav.getByRole("link", { name: "Reviews" }).click();
    await shop.getByRole("link", { name: "Not replied" }).click();
    // The "All" list shows the same review: typing before the tab has switched would go into
    // a form the switch then replaces, and "Reply" would send an empty one.
    await shop.locator('a[aria-current="page"]', { hasText: "Not replied" }).waitFor();
    const theirs = shop.getByTestId("seller-review").filter({ hasText: "Beautiful weave" });
    await theirs.getByLabel("Reply publicly").fill("Thank you, Asha! Glad the refund was quick.");
    await theirs.getByRole("button", { name: "Reply" }).click();
    await shop.getByTestId("reviews-empty").waitFor();

    // The product page: the review with the shop's reply, and the ratings it makes.
    await buyer.reload();
    const review = reviews.getByTestId("review").filter({ hasText: "Beautiful weave" });
    await review
      .getByTestId("seller-reply")
      .getByText("Thank you, Asha! Glad the refund was quick.")
      .waitFor();
    await review.getByTestId("verified-purchase").waitFor();
    expect(await review.getByTestId("review-rating").getAttribute("aria-label")).toBe("5 out of 5 stars");
    expect(await reviews.getByTestId("rating-average").textContent()).toBe("5.0");
    expect(await reviews.getByTestId("rating-count").textContent()).toMatch(/· 1 rating$/);
    expect(await reviews.getByTestId("histogram-bar").allTextContents()).toEqual([
      expect.stringMatching(/^5 ★100%/),
      expect.stringMatching(/^4 ★0%/),
      expect.stringMatching(/^3 ★0%/),
      expect.stringMatching(/^2 ★0%/),
      expect.stringMatching(/^1 ★0%/),
    ]);
    await buyer
      .getByTestId("product-page")
      .getByTitle("Rated 5.0 out of 5 by 1 customer", { exact: true })
      .waitFor();
    expect(
      await rows<{ rating_count: number; rating_avg: number }>(
        `select rating_count, rating_avg from products where id = '${product.id}'`,
      ),
    ).toEqual([{ rating_count: 1, rating_avg: 5 }]);

    expect(errors).toEqual([]);
  });
});
