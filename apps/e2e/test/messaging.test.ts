import { type Deps, startConversation } from "@bazaar/core";
import { orderFixture } from "@bazaar/core/testing";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, buyerWithAddress, png, shopOwner, signInPage, verifiedUser } from "./fixtures";

const BUYER = "meera@e2e.test";
const SELLER = "kavya@e2e.test";
const ADMIN = "admin@e2e.test";
const PHONE_BUYER = "ravi@e2e.test";
const BELL_SELLER = "anand@e2e.test";

const suite = browserSuite("messaging", ["customer-web", "seller-web", "admin-web"], setUp);

/** A shop whose owner signs in to the seller app, and a buyer with a cash-on-delivery order from it. */
async function setUp(deps: Deps) {
  const fx = orderFixture({ deps });
  const { seller } = await shopOwner(
    deps,
    { email: SELLER, name: "Kavya", shopName: "Kavya Crafts" },
    { city: "Jaipur", state: "Rajasthan", pincode: "302001" },
  );
  const { id: variantId } = await fx.variant(seller, 50_000, 10, "Blue Pottery Vase");
  const buyer = await buyerWithAddress(
    deps,
    { email: BUYER, name: "Meera Shah" },
    { line1: "12 Lake Road", city: "Bengaluru", state: "Karnataka", pincode: "560001" },
  );
  const order = await fx.checkout(buyer, [[variantId, 1]]);
  await verifiedUser(deps, { email: ADMIN, name: "Admin" }, "admin");
  // Another buyer with a conversation of their own, for the phone-sized check.
  const phoneBuyer = await buyerWithAddress(
    deps,
    { email: PHONE_BUYER, name: "Ravi Kumar" },
    { line1: "4 Hill Street", city: "Pune", state: "Maharashtra", pincode: "411001" },
  );
  // With another shop, so the first test's counts start at zero whatever runs first.
  const otherShop = await fx.shop("Ravi's Pottery Corner");
  const { id: otherVariant } = await fx.variant(otherShop, 30_000, 10, "Terracotta Mug");
  const phoneOrder = await fx.checkout(phoneBuyer, [[otherVariant, 1]]);
  await startConversation(deps, phoneBuyer.actor, {
    subject: { type: "sub_order", subOrderId: phoneOrder.subOrders[0]!.id },
    body: "A long question that wraps on a small screen: can you ship before the festival next weekend, please?",
  });
  // A third shop, whose owner finds a buyer's question under the bell.
  const { seller: bellShop } = await shopOwner(
    deps,
    { email: BELL_SELLER, name: "Anand", shopName: "Anand Brass" },
    { city: "Moradabad", state: "Uttar Pradesh", pincode: "244001" },
  );
  const { product: lamp } = await fx.variant(bellShop, 90_000, 5, "Brass Lamp");
  const asker = await fx.customer();
  const asked = await startConversation(deps, asker.actor, {
    subject: { type: "product", productId: lamp.id },
    body: "Does the lamp come with a bulb?",
  });
  return { order, bellConversationId: asked.conversation.id };
}

/** The number on the bell once it is known (the bell marks it in data-count), 0 when none is unread. */
async function bellCount(page: Page): Promise<number> {
  await page.locator('[data-testid="notification-bell"][data-count]:not([data-count=""])').waitFor();
  return Number(await page.getByTestId("notification-bell").getAttribute("data-count"));
}

const messages = (page: Page): Locator => page.getByTestId("thread").getByTestId("message");

describe("buyer and seller messaging, in the browser", () => {
  it("a buyer asks about an order; the seller's open page shows it live and replies; the buyer reads the reply live", async () => {
    suite.check();
    const { order } = suite.world;
    const sub = order.subOrders[0]!;
    const errors: string[] = [];
    const onPageError = (m: string) => errors.push(m);

    // The seller signs in and stays on this page: it is never reloaded below.
    const seller = await signInPage(suite.browser, suite.stack.url["seller-web"], SELLER, { onPageError });
    const sellerNav = seller.getByRole("navigation", { name: "Main" });
    await sellerNav.getByRole("link", { name: "Messages", exact: true }).waitFor();
    await seller.getByTestId("notification-bell").waitFor();
    const bellBefore = await bellCount(seller);

    // The buyer opens the order and messages the shop about it, with a photo.
    const buyer = await signInPage(suite.browser, suite.stack.url["customer-web"], BUYER, { onPageError });
    const buyerNav = buyer.getByRole("navigation", { name: "Main" });
    await buyer.goto(`${suite.stack.url["customer-web"]}/orders/${order.id}`);
    await buyer.getByTestId("sub-order").getByRole("link", { name: "Message Kavya Crafts" }).click();
    await buyer.getByRole("heading", { name: "Message Kavya Crafts" }).waitFor();
    const first = buyer.getByTestId("new-conversation");
    // Nothing to send yet: the page says so instead of sending.
    await first.getByRole("button", { name: "Send message" }).click();
    await first.getByTestId("composer-error").getByText("Write a message or add an image").waitFor();
    await first.getByLabel("Your message").fill("Is the vase packed well? It is a gift.");
    await first
      .getByTestId("composer-file")
      .setInputFiles({ name: "gift-card.png", mimeType: "image/png", buffer: png(24, 16, [200, 60, 40]) });
    await first.getByTestId("composer-image").waitFor();
    await first.getByRole("button", { name: "Send message" }).click();
    await buyer.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const conversationUrl = buyer.url();
    await messages(buyer).getByText("Is the vase packed well? It is a gift.").waitFor();
    expect(await messages(buyer).getByRole("img").count()).toBe(1);
    await buyer.getByTestId("thread").getByText(`Order ${sub.number}`).first().waitFor();

    // The seller's page, untouched since sign-in, shows the new message in the nav and the bell.
    await sellerNav.getByRole("link", { name: "Messages (1)" }).waitFor();
    await expect.poll(() => bellCount(seller), { timeout: 15_000 }).toBeGreaterThan(bellBefore);
    await sellerNav.getByRole("link", { name: "Messages (1)" }).click();
    const item = seller.getByTestId("conversation-item");
    await item.getByText("Meera").first().waitFor();
    expect(await item.getByTestId("conversation-unread").textContent()).toBe("1 unread");
    expect(await item.textContent()).toContain(`Order ${sub.number}`);
    await item.click();
    await messages(seller).getByText("Is the vase packed well? It is a gift.").waitFor();
    expect(await messages(seller).getByRole("img").count()).toBe(1);
    // Read on screen, so the count leaves the nav, and the buyer's page says "Seen", live.
    await sellerNav.getByRole("link", { name: "Messages", exact: true }).waitFor();
    await buyer.getByTestId("message-seen").waitFor();

    // The buyer moves to the inbox list; the seller replies; the reply arrives without a reload.
    await buyerNav.getByRole("link", { name: "Messages", exact: true }).click();
    await buyer.getByTestId("conversation-item").getByText("Kavya Crafts").first().waitFor();
    await seller.getByLabel("Reply to Meera").fill("Yes: double boxed, with bubble wrap.");
    await seller.getByRole("button", { name: "Send", exact: true }).click();
    await messages(seller).getByText("Yes: double boxed, with bubble wrap.").waitFor();
    expect(await seller.getByLabel("Reply to Meera").inputValue()).toBe("");
    await buyerNav.getByRole("link", { name: "Messages (1)" }).waitFor();
    const buyerItem = buyer.getByTestId("conversation-item");
    expect(await buyerItem.getByTestId("conversation-unread").textContent()).toBe("1 unread");
    await buyerItem.click();
    await messages(buyer).getByText("Yes: double boxed, with bubble wrap.").waitFor();
    // Opening it reads it: the buyer's count drops, and the seller sees "Seen" under the reply.
    await buyerNav.getByRole("link", { name: "Messages", exact: true }).waitFor();
    await seller.getByTestId("message-seen").waitFor();

    // With the thread open, the next reply simply appears (read at once, no count).
    await seller.getByLabel("Reply to Meera").fill("Write to us WhatsApp 98xxxx for a discount!");
    await seller.getByLabel("Reply to Meera").press("Control+Enter");
    await messages(buyer).getByText("Write to us WhatsApp").waitFor();
    expect(buyer.url()).toBe(conversationUrl);
    await buyerNav.getByRole("link", { name: "Messages", exact: true }).waitFor();
    expect(await messages(buyer).count()).toBe(3);

    // "Message the seller" again opens the same conversation instead of a second one.
    await buyer.goto(`${suite.stack.url["customer-web"]}/orders/${order.id}`);
    await buyer.getByTestId("sub-order").getByRole("link", { name: "Message Kavya Crafts" }).click();
    await buyer.waitForURL(conversationUrl);
    await messages(buyer).getByText("Write to us WhatsApp").waitFor();

    // The buyer reports the last message; an admin opens the conversation from the case, read-only.
    await messages(buyer).last().getByTestId("report-message").click();
    const dialog = buyer.getByTestId("report-message-dialog");
    await dialog.getByLabel("Reason").selectOption("prohibited");
    await dialog.getByRole("button", { name: "Report message" }).click();
    await buyer.getByTestId("thread-notice").getByText("Reported.").waitFor();

    const admin = await signInPage(suite.browser, suite.stack.url["admin-web"], ADMIN, { onPageError });
    await admin.goto(`${suite.stack.url["admin-web"]}/reports?status=open&type=message`);
    await admin
      .getByTestId("report-case")
      .getByRole("link", { name: /Open the case: Message/ })
      .click();
    await admin.getByTestId("report-target").getByText("Write to us WhatsApp").waitFor();
    await admin.getByTestId("open-conversation").click();
    await admin.getByTestId("audited-notice").getByText("your access is recorded in the audit log").waitFor();
    await messages(admin).getByText("Is the vase packed well?").waitFor();
    expect(await messages(admin).count()).toBe(3);
    expect(await admin.getByTestId("message-composer").count()).toBe(0);
    expect(await admin.getByTestId("thread").getByText("Reported", { exact: true }).count()).toBe(1);

    expect(errors).toEqual([]);
  });

  it("the bell counts a new message; the notification opens it and reads; preferences save per switch", async () => {
    suite.check();
    const { bellConversationId } = suite.world;
    const web = suite.stack.url["seller-web"];
    const page = await signInPage(suite.browser, web, BELL_SELLER);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    expect(await bellCount(page)).toBeGreaterThanOrEqual(1);
    await page.getByTestId("notification-bell").click();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    const note = page.getByTestId("notification").filter({ hasText: "New message from" });
    await note.getByText("Does the lamp come with a bulb?").waitFor();
    await note.getByRole("link", { name: /New message from/ }).click();
    await page.waitForURL(`${web}/messages/${bellConversationId}`);
    await page.getByTestId("thread").getByText("Brass Lamp").first().waitFor();

    // Back on the list the message's notification is read; "Mark all read" clears the bell.
    await page.getByTestId("notification-bell").click();
    await page.getByRole("link", { name: "Unread" }).click();
    await page
      .locator('[data-testid="notifications-empty"], [data-testid="notification-list"]')
      .first()
      .waitFor();
    await expect
      .poll(() => page.getByTestId("notification").filter({ hasText: "New message from" }).count())
      .toBe(0);
    await page.getByRole("link", { name: "All", exact: true }).click();
    await page.getByTestId("notification").first().waitFor();
    if ((await bellCount(page)) > 0) await page.getByTestId("mark-all-read").click();
    await expect.poll(() => bellCount(page)).toBe(0);
    await page.getByRole("link", { name: "Unread" }).click();
    await page.getByTestId("notifications-empty").waitFor();

    // Preferences: each switch saves at once and stays after a reload; security emails cannot be turned off.
    await page.getByRole("link", { name: "Preferences" }).click();
    const email = page.getByRole("switch", { name: "Messages by email" });
    expect(await email.isChecked()).toBe(true);
    await email.click();
    await page.getByTestId("preferences-saved").waitFor();
    await page.reload();
    expect(await page.getByRole("switch", { name: "Messages by email" }).isChecked()).toBe(false);
    expect(await page.getByRole("switch", { name: "Messages in the app" }).isChecked()).toBe(true);
    const security = page.getByRole("switch", { name: "Security by email (always on)" });
    expect(await security.isChecked()).toBe(true);
    expect(await security.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("fits a 360-pixel phone: the open thread, its reply box, notifications and preferences without sideways scrolling", async () => {
    suite.check();
    const web = suite.stack.url["customer-web"];
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await signInPage(context, web, PHONE_BUYER);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`${web}/messages`);
    await page.getByTestId("conversation-item").first().click();
    await page.getByTestId("thread").getByTestId("message").first().waitFor();
    await page.getByTestId("message-composer").waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByTestId("notification-bell").click();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    await page.getByTestId("mark-all-read").waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole("link", { name: "Preferences" }).click();
    await page.getByTestId("notification-preferences").waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });
});
