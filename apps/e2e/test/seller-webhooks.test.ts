import type { Deps } from "@bazaar/core";
import { startWebhookReceiver, verifyStandardWebhook } from "@bazaar/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite, shopOwner, signInPage } from "./fixtures";

// The seller app's Webhooks page: register an endpoint, keep the secret shown once, send a
// test event to a real receiver that checks its signature, read the delivery log, redeliver.

const EMAIL = "farhan-webhooks@e2e.test";
let rx: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;

async function setUp(deps: Deps) {
  // The receiver listens on loopback http, as WEBHOOKS_ALLOW_HTTP_LOOPBACK allows in dev.
  deps.webhooks = { ...deps.webhooks, allowHttpLoopback: true };
  rx = await startWebhookReceiver();
  await shopOwner(
    deps,
    { email: EMAIL, name: "Farhan", shopName: "Farhan Brassware" },
    { city: "Moradabad", state: "Uttar Pradesh", pincode: "244001" },
  );
  return { rx };
}

const suite = browserSuite("seller-webhooks", ["seller-web"], setUp);
afterAll(async () => {
  await rx?.close();
});

describe("the seller's webhooks page, in the browser", () => {
  it("registers an endpoint, shows its secret once, sends a signed test event, logs it and redelivers it", async () => {
    suite.check();
    const { rx } = suite.world;
    const errors: string[] = [];
    const page = await signInPage(suite.browser, suite.stack.url["seller-web"], EMAIL, {
      timeoutMs: 15_000,
      onPageError: (m) => errors.push(m),
    });
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await page.getByText("No endpoints yet").waitFor();

    await page.getByTestId("new-webhook").click();
    // A plain-http URL elsewhere is refused on its field.
    await page.getByLabel("Endpoint URL").fill("http://example.com/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).last().click();
    await expect.poll(() => page.locator("#webhook-url[aria-invalid='true']").count()).toBe(1);

    await page.getByLabel("Endpoint URL").fill(rx.url("/farhan"));
    await page.getByLabel(/Order paid/).check();
    await page.getByRole("button", { name: "Add endpoint" }).last().click();
    const secret = (await page.getByTestId("webhook-secret-value").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I saved it" }).click();
    expect(await page.getByTestId("webhook-secret").count()).toBe(0);

    const card = page.getByTestId("webhook-endpoint");
    await card.getByRole("button", { name: "Send test event" }).click();
    await expect
      .poll(() => page.getByTestId("webhook-notice").textContent())
      .toContain("Test event delivered");
    expect(rx.at("/farhan")).toHaveLength(1);
    expect(verifyStandardWebhook(secret, rx.at("/farhan")[0]!)).toBe(true);

    await card.getByRole("button", { name: "Deliveries" }).click();
    const row = page.getByTestId("webhook-delivery");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/webhook\.test.*Delivered.*HTTP 200.*ms/);
    await row.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => rx.at("/farhan").length).toBe(2);
    const [first, again] = rx.at("/farhan");
    expect(again!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(errors).toEqual([]);
  });
});
