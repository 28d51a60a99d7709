import {
  approveReturn,
  createReview,
  type Deps,
  listMyReviews,
  markReturnRefundPaid,
  receiveReturn,
  rejectReturn,
  replyToReview,
  requestReturn,
} from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, buyerWithAddress, deliver, png, signInPage, verifiedUser } from "./fixtures";

const EMAIL = "meera@e2e.test";

const suite = browserSuite("customer-after-delivery", ["customer-web"], setUp);

/**
 * A buyer who can sign in, with a delivered cash-on-delivery order of 2 vases; another buyer
 * already reviewed the vase (so there is a review to find helpful and to report).
 */
async function setUp(deps: Deps) {
  const fx = orderFixture({ deps });
  const shop = await fx.shop("Kavya Crafts");
  const { product, id: variantId } = await fx.variant(shop, 50_000, 10, "Blue Pottery Vase");
  const buyer = await buyerWithAddress(
    deps,
    { email: EMAIL, name: "Meera Shah" },
    { line1: "12 Lake Road", city: "Bengaluru", state: "Karnataka", pincode: "560001" },
  );
  const { actor } = buyer;
  const deliverPart = (subOrderId: string) => deliver(deps, shop.actor, subOrderId);
  const order = await fx.checkout(buyer, [[variantId, 2]]);
  await deliverPart(order.subOrders[0]!.id);
  const other = await fx.customer();
  const otherOrder = await fx.checkout(other, [[variantId, 1]]);
  await deliverPart(otherOrder.subOrders[0]!.id);
  await createReview(deps, other.actor, {
    productId: product.id,
    rating: 2,
    title: "Smaller than it looks",
    body: "Pretty glaze but much smaller than the photos suggest.",
  });
  // A second order of a mug and a bowl: one return still open (to cancel), one rejected (to escalate).
  const { id: mugId } = await fx.variant(shop, 30_000, 10, "Terracotta Mug");
  const { id: bowlId } = await fx.variant(shop, 40_000, 10, "Glazed Bowl");
  const second = await fx.checkout(buyer, [
    [mugId, 1],
    [bowlId, 1],
  ]);
  const part = second.subOrders[0]!;
  await deliverPart(part.id);
  const itemOf = (title: string) => part.items.find((i) => i.title === title)!.id;
  const refundAccount = { kind: "upi" as const, upiId: "meera@okhdfc" };
  const open = await requestReturn(deps, actor, {
    subOrderId: part.id,
    lines: [{ orderItemId: itemOf("Terracotta Mug"), qty: 1, reason: "no_longer_needed" }],
    refundAccount,
  });
  const rejected = await requestReturn(deps, actor, {
    subOrderId: part.id,
    lines: [{ orderItemId: itemOf("Glazed Bowl"), qty: 1, reason: "defective" }],
    refundAccount,
  });
  await rejectReturn(deps, shop.actor, { id: rejected.id, reason: "The bowl in the photos has no defect." });
  const { actor: adminActor } = await verifiedUser(deps, { email: "admin@e2e.test", name: "Admin" }, "admin");
  return { deps, shop, product, order, actor, open, rejected, adminActor };
}

const signIn = (): Promise<Page> => signInPage(suite.browser, suite.stack.url["customer-web"], EMAIL);

describe("the buyer after delivery, in the browser", () => {
  it("returns a unit with a photo, follows the refund, reviews the product and uses Q&A and reports", async () => {
    suite.check();
    const { deps, shop, product, order, actor, adminActor } = suite.world;
    const web = suite.stack.url["customer-web"];
    const page = await signIn();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // The order page: the delivered line can go back (2 units, 7 days), and be reviewed.
    await page.goto(`${web}/orders/${order.id}`);
    const line = page.getByTestId("line-actions");
    expect(await line.getByTestId("return-window-line").textContent()).toMatch(
      /^Return up to 2 by .+ \(\d+ days left\)$/,
    );
    await line.getByTestId("return-line").click();
    const dialog = page.getByTestId("return-dialog");
    expect(await dialog.getByTestId("return-line-select").isChecked()).toBe(true);
    await dialog.getByLabel("Reason").selectOption({ label: "Arrived damaged" });
    expect(await dialog.getByTestId("refund-estimate").textContent()).toBe("About ₹500 back for this item.");
    await dialog.getByLabel("Anything the shop should know? (optional)").fill("The rim arrived chipped.");
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "chip.png", mimeType: "image/png", buffer: png(32, 32, [200, 60, 40]) });
    await dialog.getByTestId("photo").waitFor();
    // A bad UPI id comes back from the API and shows on the field.
    await dialog.getByLabel("UPI id").fill("not-a-upi");
    await dialog.getByTestId("return-submit").click();
    await dialog.getByText("Enter a valid UPI id, like name@bank").waitFor();
    await dialog.getByLabel("UPI id").fill("meera@okhdfc");
    await dialog.getByTestId("return-submit").click();

    // The return's page: requested, one step of four, the refund owed once received.
    await page.getByTestId("return-requested").waitFor();
    const returnId = page.url().split("/returns/")[1]!;
    expect(await page.getByTestId("return-status").first().textContent()).toBe("Requested");
    expect(await page.getByTestId("refund-amount").textContent()).toMatch(/₹500/);
    expect(await page.getByTestId("refund-text").textContent()).toMatch(
      /will be refunded to UPI .+ once the shop/,
    );
    await page
      .getByTestId("return-item")
      .getByText(/1 unit · Arrived damaged/)
      .waitFor();
    expect(await page.getByTestId("cancel-return").isVisible()).toBe(true);

    // The shop approves and receives it: the page follows (live, or on reload).
    await approveReturn(deps, shop.actor, { id: returnId });
    await receiveReturn(deps, shop.actor, {
      id: returnId,
      lines: [{ orderItemId: order.subOrders[0]!.items[0]!.id, restock: false }],
    });
    await page.reload();
    await page.getByTestId("return-status").getByText("Received").waitFor();
    expect(await page.getByTestId("refund-text").textContent()).toMatch(
      /^Bazaar owes you ₹500 and will pay it to UPI /,
    );
    expect(await page.getByTestId("cancel-return").count()).toBe(0);
    await page.getByTestId("timeline").getByText("Return approved").waitFor();

    // Bazaar pays the cash-on-delivery refund: the buyer sees where and the reference.
    await markReturnRefundPaid(deps, adminActor, { id: returnId, reference: "UTR998877" });
    await page.reload();
    await page.getByTestId("return-status").getByText("Refunded").waitFor();
    expect(await page.getByTestId("refund-text").textContent()).toMatch(
      /^₹500 was paid to UPI .+ on .+ \(reference UTR998877\)\.$/,
    );

    // The returns list and the order page show it.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Returns" }).click();
    await page.getByTestId("return-row").getByTestId("return-status").getByText("Refunded").waitFor();
    await page.goto(`${web}/orders/${order.id}`);
    await page.getByTestId("sub-order-return").getByText("Refunded").waitFor();
    expect(await line.getByTestId("return-window-line").textContent()).toMatch(/^Return by /);

    // Review from the order page, with a photo.
    await line.getByTestId("review-line").click();
    const review = page.getByTestId("review-dialog");
    await review.getByTestId("review-submit").click();
    await review.getByText("Choose from 1 to 5 stars").waitFor();
    await review.locator("label", { hasText: "4 out of 5 stars" }).click();
    await review.getByLabel("Title").fill("Lovely colour");
    await review
      .getByLabel("Your review")
      .fill("Beautiful glaze; one arrived chipped and the shop took it back.");
    await review
      .locator('input[type="file"]')
      .setInputFiles({ name: "vase.png", mimeType: "image/png", buffer: png(32, 32, [30, 80, 200]) });
    await review.getByTestId("photo").waitFor();
    await review.getByTestId("review-submit").click();
    await line.getByTestId("edit-review-line").waitFor();

    // The seller replies; the product page shows the window, the summary and both reviews.
    const [mine] = (await listMyReviews(deps, actor, {})).items;
    await replyToReview(deps, shop.actor, { reviewId: mine!.id, body: "Sorry about the chip! Refunded." });
    await page.goto(`${web}/p/${product.slug}`);
    expect(await page.getByTestId("return-window").textContent()).toMatch(/^7-day returns/);
    await page
      .getByTestId("rating-count")
      .getByText(/2 ratings/)
      .waitFor();
    expect(await page.getByTestId("rating-average").textContent()).toBe("3.0");
    expect(await page.getByTestId("histogram-bar").allTextContents()).toEqual([
      expect.stringMatching(/^5 ★0%/),
      expect.stringMatching(/^4 ★50%/),
      expect.stringMatching(/^3 ★0%/),
      expect.stringMatching(/^2 ★50%/),
      expect.stringMatching(/^1 ★0%/),
    ]);
    const own = page.getByTestId("review").filter({ hasText: "Lovely colour" });
    await own.getByTestId("seller-reply").getByText("Sorry about the chip! Refunded.").waitFor();
    expect(await own.getByRole("img", { name: /From the reviewer/ }).count()).toBe(1);
    await own.getByTestId("edit-review").waitFor();

    // Someone else's review: helpful, then reported (a note is needed for "other").
    const theirs = page.getByTestId("review").filter({ hasText: "Smaller than it looks" });
    await theirs.getByTestId("helpful-vote").click();
    await theirs.getByTestId("helpful-count").getByText("1 person found this helpful").waitFor();
    await theirs.getByTestId("report-review").click();
    const report = page.getByTestId("report-dialog");
    await report.getByLabel("Reason").selectOption("other");
    await report.getByRole("button", { name: "Send report" }).click();
    await report.getByText("Say what is wrong (at least 3 characters)").waitFor();
    await report.getByLabel("What is wrong?").fill("It reads like a competitor's post.");
    await report.getByRole("button", { name: "Send report" }).click();
    await theirs.getByTestId("report-done").getByText("Reported. Thank you").waitFor();

    // Questions: ask one, then answer it as a buyer who received the product.
    const qa = page.getByTestId("questions");
    await qa.getByTestId("questions-empty").waitFor();
    await qa.getByLabel("Ask a question about this product").fill("Does it hold water without leaking?");
    await qa.getByTestId("ask-submit").click();
    const question = qa.getByTestId("question");
    await question.getByText("Does it hold water without leaking?").waitFor();
    await question.getByTestId("answer-open").click();
    await question.getByLabel("Your answer").fill("Yes, mine has held water for a week.");
    await question.getByTestId("answer-submit").click();
    await question.getByTestId("answer-badge").getByText("Verified buyer").waitFor();

    expect(errors).toEqual([]);
  });

  it("cancels a return before approval and escalates a rejected one within 48 hours", async () => {
    suite.check();
    const { open, rejected } = suite.world;
    const web = suite.stack.url["customer-web"];
    const page = await signIn();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // Cancel: confirmed in a dialog; the return then offers nothing more.
    await page.goto(`${web}/returns/${open.id}`);
    await page.getByTestId("return-status").getByText("Requested").waitFor();
    await page.getByTestId("cancel-return").click();
    await page.getByTestId("confirm-cancel-return").click();
    await page.getByTestId("return-status").getByText("Cancelled").waitFor();
    expect(await page.getByTestId("return-actions").count()).toBe(0);
    expect(await page.getByTestId("return-steps").getByRole("listitem").allTextContents()).toEqual([
      "✓ Requested",
      "Cancelled",
    ]);

    // Escalate: the shop's reason and the time left; a note is required, then Bazaar reviews it.
    await page.goto(`${web}/returns/${rejected.id}`);
    await page.getByTestId("return-decisions").getByText("The bowl in the photos has no defect.").waitFor();
    expect(await page.getByTestId("escalate-countdown").textContent()).toMatch(
      /^You can ask Bazaar to review this until .+ \(47 hours left\)\.$/,
    );
    await page.getByTestId("escalate-return").click();
    const dialog = page.getByTestId("escalate-dialog");
    await dialog.getByRole("button", { name: "Send to Bazaar" }).click();
    await dialog.getByText("Give a reason of at least 3 characters").waitFor();
    await dialog.getByLabel("Why the rejection is wrong").fill("It leaks from a hairline crack at the base.");
    await dialog.getByRole("button", { name: "Send to Bazaar" }).click();
    await page.getByTestId("return-status").getByText("Escalated to Bazaar").waitFor();
    await page.getByTestId("return-steps").getByText("Bazaar is reviewing").waitFor();
    expect(await page.getByTestId("escalate-return").count()).toBe(0);

    // The list filters by status through the address.
    await page.goto(`${web}/returns`);
    await page
      .getByRole("navigation", { name: "Return status" })
      .getByRole("link", { name: "Cancelled" })
      .click();
    await page.waitForURL(/status=cancelled/);
    // The unfiltered list (with this return in it) stays on screen until the tab has switched.
    await page.locator('a[aria-current="page"]', { hasText: "Cancelled" }).waitFor();
    const rows = page.getByTestId("return-row");
    await rows.getByText(open.number).waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    expect(errors).toEqual([]);
  });
});
