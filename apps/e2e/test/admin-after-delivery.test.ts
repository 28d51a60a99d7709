import { randomUUID } from "node:crypto";
import {
  createReport,
  createReview,
  type Deps,
  escalateReturn,
  getSellerReturn,
  receiveReturn,
  rejectReturn,
  requestReturn,
} from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, deliver, signInPage, verifiedUser } from "./fixtures";

const ADMIN = { email: "admin@e2e.test", name: "Asha Admin" };

const seeded = { returnNumber: "", returnId: "", shopId: "", reportedTitle: "" };
const suite = browserSuite("admin-after-delivery", ["admin-web"], setUp);

/**
 * The story before the admin looks: a cash-on-delivery order is delivered, the buyer asks to
 * return it (refund to UPI), the shop rejects, the buyer escalates; another buyer reports a
 * different product of the shop.
 */
async function setUp(deps: Deps) {
  await verifiedUser(deps, ADMIN, "admin");
  const fx = orderFixture({ deps });
  const shop = await fx.shop("Meera Handicrafts");
  seeded.shopId = shop.id;
  const lamp = await fx.variant(shop, 45_000, 10, "Brass Diya Lamp");
  const fake = await fx.variant(shop, 99_000, 10, "Designer Handbag");
  seeded.reportedTitle = fake.product.title;
  const buyer = await fx.customer();
  const order = await fx.checkout(buyer, [[lamp.id, 2]], "cod");
  const sub = order.subOrders[0]!;
  await deliver(deps, shop.actor, sub.id);
  const ret = await requestReturn(deps, buyer.actor, {
    subOrderId: sub.id,
    lines: [{ orderItemId: sub.items[0]!.id, qty: 1, reason: "damaged" }],
    comment: "The lamp's base is cracked.",
    refundAccount: { kind: "upi", upiId: "anita.rao@okaxis" },
  });
  seeded.returnId = ret.id;
  seeded.returnNumber = ret.number;
  await rejectReturn(deps, shop.actor, { id: ret.id, reason: "It left our shop intact." });
  await escalateReturn(deps, buyer.actor, { id: ret.id, note: "The parcel arrived crushed; I have photos." });
  // A shop receives what Bazaar approves (below, from the browser); set up the receiver now.
  receive = async () => {
    const r = await getSellerReturn(deps, shop.actor, { id: ret.id });
    await receiveReturn(deps, shop.actor, {
      id: ret.id,
      lines: r.lines.map((l) => ({ orderItemId: l.orderItemId, restock: true })),
    });
  };
  // The buyer's other lamp stays: they review it, and someone finds the review offensive.
  const review = await createReview(deps, buyer.actor, {
    productId: lamp.product.id,
    rating: 1,
    title: "Awful shop",
    body: "These people are crooks and should be ashamed.",
  });
  await createReport(deps, (await fx.customer()).actor, {
    targetType: "review",
    targetId: review.id,
    reason: "offensive",
  });
  for (const reason of ["counterfeit", "counterfeit", "misleading"] as const) {
    const reporter = await fx.customer();
    await createReport(deps, reporter.actor, {
      targetType: "product",
      targetId: fake.product.id,
      reason,
      note: `Looks fake ${randomUUID().slice(0, 4)}`,
    });
  }
}
let receive: () => Promise<void> = async () => {};

const signIn = (): Promise<Page> =>
  signInPage(suite.browser, suite.stack.url["admin-web"], ADMIN.email, { timeoutMs: 15_000 });

describe("admin after delivery", () => {
  it("decides an escalated return, pays its COD refund, unlists a reported product and sets return windows", async () => {
    suite.check();
    const page = await signIn();
    const base = suite.stack.url["admin-web"];

    // The escalation waits on the Returns page; its detail shows both sides.
    await page.getByRole("link", { name: "Returns", exact: true }).click();
    const row = page.getByTestId("return-row").filter({ hasText: seeded.returnNumber });
    await row.getByRole("link", { name: seeded.returnNumber }).click();
    await page.getByTestId("reject-reason").filter({ hasText: "It left our shop intact." }).waitFor();
    expect(await page.getByTestId("escalation-note").textContent()).toContain("arrived crushed");
    expect(await page.getByTestId("return-comment").textContent()).toContain("base is cracked");
    expect(await page.getByTestId("return-line").textContent()).toContain("Arrived damaged");

    // Bazaar overrides the shop, with a note.
    await page.getByTestId("decide-approve").click();
    const dialog = page.getByTestId("decide-dialog");
    await dialog.getByLabel("Note to the buyer and the shop").fill("The carrier's photos show damage.");
    await dialog.getByRole("button", { name: "Approve return" }).click();
    await page.getByTestId("decision-notice").waitFor();
    expect(await page.getByTestId("return-status").first().textContent()).toBe("Approved");

    // The shop receives the lamp: the refund is owed, and the refunds page lists it masked.
    await receive();
    await page.goto(`${base}/refunds`);
    const owed = page.getByTestId("refund-row").filter({ hasText: seeded.returnNumber });
    await owed.waitFor();
    expect(await owed.textContent()).toContain("₹450");
    expect(await owed.textContent()).not.toContain("anita.rao@okaxis");
    await owed.getByRole("button", { name: `Mark ${seeded.returnNumber} paid` }).click();
    const pay = page.getByTestId("mark-paid-dialog");
    expect(await pay.getByTestId("refund-account").textContent()).toContain("anita.rao@okaxis");
    await pay.getByLabel("UPI or bank transfer reference").fill("UPI-4471-2291");
    await pay.getByRole("button", { name: "Mark paid" }).click();
    await page.getByTestId("refunds-notice").waitFor();
    await page.getByTestId("refunds-empty").waitFor();

    // The reports queue groups three reports of one product; the admin unlists it.
    await page.getByRole("link", { name: "Reports", exact: true }).click();
    const item = page.getByTestId("report-case").filter({ hasText: seeded.reportedTitle });
    expect(await item.getByTestId("report-count").textContent()).toBe("3 reports");
    expect(await item.getByTestId("report-reasons").textContent()).toContain("Counterfeit × 2");
    await item.getByRole("link", { name: /Open the case/ }).click();
    await page.getByTestId("case-reports").waitFor();
    expect(await page.getByTestId("case-report").count()).toBe(3);
    await page.getByTestId("report-unlist").click();
    const confirm = page.getByTestId("report-dialog");
    await confirm.getByLabel("Reason").fill("Counterfeit branded goods");
    await confirm.getByRole("button", { name: "Unlist product" }).click();
    await page.getByTestId("report-notice").waitFor();
    expect(await page.getByTestId("case-status").textContent()).toBe("actioned");
    expect(await page.getByTestId("case-outcome").textContent()).toContain("Product unlisted");

    // A review reported as offensive is hidden, then restored from its case.
    await page.goto(`${base}/reports?status=open&type=review`);
    const reported = page.getByTestId("report-case").filter({ hasText: "should be ashamed" });
    expect(await reported.textContent()).toContain("Offensive × 1");
    expect(await page.getByTestId("report-case").count()).toBe(1);
    await reported.getByRole("link", { name: /Open the case/ }).click();
    await page.getByTestId("report-hide").click();
    await page.getByTestId("report-dialog").getByLabel("Reason").fill("Abuse, not a review of the lamp");
    await page.getByTestId("report-dialog").getByRole("button", { name: "Hide review" }).click();
    await page.getByTestId("report-notice").waitFor();
    expect(await page.getByTestId("target-status").textContent()).toBe("hidden");
    await page.getByTestId("report-restore").click();
    await page
      .getByTestId("report-dialog")
      .getByLabel("Why restore it?")
      .fill("The seller agreed to let it stand");
    await page.getByTestId("report-dialog").getByRole("button", { name: "Restore" }).click();
    await page.getByTestId("case-outcome").filter({ hasText: "Hidden, then restored" }).waitFor();
    expect(await page.getByTestId("target-status").textContent()).toBe("published");

    // The platform's return window, then this shop's own.
    await page.goto(`${base}/settings/returns`);
    await page.getByLabel("Days after delivery").fill("10");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("return-window-summary").filter({ hasText: "10 days after delivery" }).waitFor();
    await page.goto(`${base}/sellers/${seeded.shopId}`);
    const card = page.getByTestId("seller-return-window");
    await card.getByTestId("shop-window-summary").filter({ hasText: "platform default" }).waitFor();
    await card.getByLabel("Shop's own window (days)").fill("0");
    await card.getByRole("button", { name: "Save window" }).click();
    await card.getByTestId("shop-window-summary").filter({ hasText: "No returns" }).waitFor();
  });
});
