import { askQuestion, createReview, type Deps, requestReturn, takeDownProduct } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, deliver, shopOwner, signInPage, verifiedUser } from "./fixtures";

const EMAIL = "kavya@e2e.test";

let returnNumber = "";
let secondNumber = "";
const suite = browserSuite("seller-after-delivery", ["seller-web"], setUp);

/**
 * One shop after a delivery: the buyer (cash on delivery) asks to return a unit as damaged,
 * reviews the product and asks a question; Bazaar takes down another of its products.
 */
async function setUp(deps: Deps) {
  const fx = orderFixture({ deps });
  const { seller, actor: sellerActor } = await shopOwner(
    deps,
    { email: EMAIL, name: "Kavya", shopName: "Kavya Crafts" },
    { city: "Jaipur", state: "Rajasthan", pincode: "302001" },
  );
  const { product, id: variantId } = await fx.variant(seller, 50_000, 10, "Blue Pottery Vase");
  const { product: other } = await fx.variant(seller, 20_000, 10, "Knock-off Brand Mug");
  const buyer = await fx.customer();
  const order = await fx.checkout(buyer, [[variantId, 2]]);
  const sub = order.subOrders[0]!;
  await deliver(deps, sellerActor, sub.id);
  const ret = await requestReturn(deps, buyer.actor, {
    subOrderId: sub.id,
    lines: [{ orderItemId: sub.items[0]!.id, qty: 1, reason: "damaged" }],
    comment: "The rim arrived chipped.",
    refundAccount: { kind: "upi", upiId: "anita@okhdfc" },
  });
  returnNumber = ret.number;
  const second = await requestReturn(deps, buyer.actor, {
    subOrderId: sub.id,
    lines: [{ orderItemId: sub.items[0]!.id, qty: 1, reason: "no_longer_needed" }],
    refundAccount: { kind: "upi", upiId: "anita@okhdfc" },
  });
  secondNumber = second.number;
  await createReview(deps, buyer.actor, {
    productId: product.id,
    rating: 4,
    title: "Lovely colour",
    body: "Beautiful glaze, one arrived chipped but the other is perfect.",
  });
  await askQuestion(deps, buyer.actor, { productId: product.id, body: "Is this vase safe to hold water?" });
  const { actor: adminActor } = await verifiedUser(deps, { email: "admin@e2e.test", name: "Admin" }, "admin");
  await takeDownProduct(deps, adminActor, { productId: other.id, reason: "Uses another brand's trademark" });
}

const signIn = (): Promise<Page> => signInPage(suite.browser, suite.stack.url["seller-web"], EMAIL);

describe("the seller after delivery, in the browser", () => {
  it("decides and receives a return, replies to a review, answers a question and sees a takedown", async () => {
    suite.check();
    const page = await signIn();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Returns (2)" }).waitFor();
    const waiting = page.getByTestId("waiting-counts");
    await waiting.getByRole("link", { name: "2 Returns to decide" }).waitFor();
    await waiting.getByRole("link", { name: "1 Open questions" }).waitFor();
    await waiting.getByRole("link", { name: "1 Reviews without a reply" }).waitFor();
    await nav.getByRole("link", { name: "Questions (1)" }).waitFor();

    // Returns: the request with its reason and comment; approve, then receive without restocking.
    await nav.getByRole("link", { name: "Returns (2)" }).click();
    const detail = page.getByTestId("return-detail");

    // The newest request (no longer needed) is refused with a reason, asked for in a dialog.
    await page.getByTestId("return-item").getByText(secondNumber).click();
    await detail.getByText(secondNumber).waitFor();
    await detail.getByTestId("return-reject").click();
    const rejectDialog = page.getByTestId("reject-return-dialog");
    await rejectDialog.getByLabel("Reason").fill("no");
    await rejectDialog.getByRole("button", { name: "Reject return" }).click();
    await rejectDialog.getByText("Give a reason of at least 3 characters").waitFor();
    await rejectDialog.getByLabel("Reason").fill("Opened and used; not returnable.");
    await rejectDialog.getByRole("button", { name: "Reject return" }).click();
    await page.getByTestId("returns-notice").getByText(`${secondNumber} rejected`).waitFor();
    await detail.getByText("Opened and used; not returnable.").first().waitFor();
    expect(await detail.getByTestId("return-actions").count()).toBe(0);
    await nav.getByRole("link", { name: "Returns (1)" }).waitFor();

    await page.getByTestId("return-item").getByText(returnNumber).click();
    expect(await detail.getByTestId("return-comment").textContent()).toBe("The rim arrived chipped.");
    expect(await detail.getByTestId("return-reason").textContent()).toBe("Arrived damaged");
    expect(await detail.getByTestId("return-actions").getByRole("button").allTextContents()).toEqual([
      "Approve return",
      "Reject",
    ]);
    await detail.getByTestId("return-approve").click();
    await page.getByTestId("returns-notice").getByText(`${returnNumber} approved`).waitFor();
    await nav.getByRole("link", { name: "Returns", exact: true }).waitFor();
    await detail.getByTestId("return-receive").click();
    const dialog = page.getByTestId("receive-return-dialog");
    expect(await dialog.getByRole("checkbox").isChecked()).toBe(false);
    expect(await dialog.getByTestId("restock-summary").textContent()).toBe(
      "Nothing goes back on sale (1 unit).",
    );
    await dialog.getByRole("button", { name: "Mark received" }).click();
    await page.getByTestId("returns-notice").getByText(`${returnNumber} received. Bazaar pays`).waitFor();
    await detail.getByTestId("refund-status").getByText("Refund owed").waitFor();
    expect(await detail.getByTestId("return-actions").count()).toBe(0);
    await page.getByRole("link", { name: "Received" }).click();
    await page.getByTestId("return-item").getByText(returnNumber).waitFor();

    // Reviews: reply to the unreplied one, then edit the reply.
    await nav.getByRole("link", { name: "Reviews" }).click();
    await page.getByRole("link", { name: "Not replied" }).click();
    // The "All" list shows the same review: typing before the tab has switched would go
    // into a form the switch then replaces, and "Reply" would send an empty one.
    await page.locator('a[aria-current="page"]', { hasText: "Not replied" }).waitFor();
    const review = page.getByTestId("seller-review");
    await review.getByText("Lovely colour").waitFor();
    await review.getByLabel("Reply publicly").fill("Sorry about the chip! We have refunded it.");
    await review.getByRole("button", { name: "Reply" }).click();
    await page.getByTestId("reviews-empty").waitFor();
    await page.getByRole("link", { name: "All reviews" }).click();
    await review.getByTestId("seller-reply").getByText("Sorry about the chip!").waitFor();
    await review.getByTestId("edit-reply").click();
    await review.getByLabel("Edit your reply").fill("Sorry about the chip! Refunded, and packing improved.");
    await review.getByRole("button", { name: "Save reply" }).click();
    await review.getByTestId("seller-reply").getByText("packing improved").waitFor();

    // Questions: answer inline; the inbox empties and the count leaves the nav.
    await nav.getByRole("link", { name: "Questions (1)" }).click();
    const question = page.getByTestId("seller-question");
    await question.getByText("Is this vase safe to hold water?").waitFor();
    await question.getByLabel("Your answer").fill("Yes, it is glazed inside.");
    await question.getByRole("button", { name: "Post answer" }).click();
    await page.getByTestId("questions-empty").waitFor();
    await nav.getByRole("link", { name: "Questions", exact: true }).waitFor();
    await page.getByRole("link", { name: "Answered" }).click();
    await question.getByText("Yes, it is glazed inside.").waitFor();

    // Takedown: on the list and in the editor.
    await nav.getByRole("link", { name: "Products" }).click();
    const line = page.getByTestId("takedown-line");
    await line.getByText(/Uses another brand's trademark/).waitFor();
    expect(await line.textContent()).toMatch(/Edit and resubmit to appeal/);
    await page.getByRole("link", { name: "Knock-off Brand Mug" }).click();
    await page
      .getByTestId("takedown-notice")
      .getByText(/Edit and resubmit to appeal/)
      .waitFor();
    await nav.getByRole("link", { name: "Products" }).click();

    // Shop profile: the return window.
    await nav.getByRole("link", { name: "Shop profile" }).click();
    const card = page.getByTestId("return-window");
    await card.getByLabel("Return window in days").fill("31");
    await card.getByRole("button", { name: "Save return window" }).click();
    await card.getByText("The return window is 0 to 30 days").waitFor();
    await card.getByLabel("Return window in days").fill("10");
    await card.getByRole("button", { name: "Save return window" }).click();
    await card.getByText("Return window saved.").waitFor();
    expect(await card.getByTestId("return-window-now").textContent()).toBe(
      "Customers can return items within 10 days of delivery.",
    );

    expect(errors).toEqual([]);
  });
});
