import type { Deps } from "@bazaar/core";
import { describe, expect, it } from "vitest";
import { browserSuite, shopOwner, signInPage } from "./fixtures";

// The seller app's API keys page and the API docs (#16): create a key with chosen scopes,
// keep it (shown once), call the REST API with it, see its last use, revoke it; and the
// Swagger UI at /docs renders our document under the API's CSP.

const EMAIL = "meera-api-keys@e2e.test";

const suite = browserSuite("seller-api-keys", ["seller-web"], async (deps: Deps) => {
  await shopOwner(
    deps,
    { email: EMAIL, name: "Meera", shopName: "Meera Handlooms" },
    { city: "Varanasi", state: "Uttar Pradesh", pincode: "221001" },
  );
  return {};
});

describe("API keys and docs, in the browser", () => {
  it("creates a key with orders access, uses it, sees its last use, revokes it", async () => {
    suite.check();
    const { apiUrl } = suite.stack;
    const errors: string[] = [];
    const page = await signInPage(suite.browser, suite.stack.url["seller-web"], EMAIL, {
      timeoutMs: 15_000,
      onPageError: (m) => errors.push(m),
    });
    await page.getByRole("link", { name: "API keys", exact: true }).click();
    await page.getByText("No API keys yet").waitFor();

    await page.getByTestId("new-api-key").click();
    // No name: refused on its field.
    await page.getByRole("button", { name: "Create key" }).last().click();
    await expect.poll(() => page.locator("#api-key-name[aria-invalid='true']").count()).toBe(1);
    await page.getByLabel("Name").fill("Warehouse system");
    await page.getByLabel("Products: read").uncheck();
    await page.getByLabel("Orders: write").check();
    expect(await page.getByLabel("Orders: read").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Create key" }).last().click();
    const key =
      (await page
        .getByTestId("api-key-secret-value")
        .textContent({ timeout: 10_000 })
        .catch(async () => {
          throw new Error(`no key shown: ${await page.locator("main").textContent()}`);
        })) ?? "";
    expect(key).toMatch(/^bz_live_[0-9a-f]{12}_/);
    await page.getByRole("button", { name: "I saved it" }).click();
    expect(await page.getByTestId("api-key-secret").count()).toBe(0);

    const row = page.getByTestId("api-key-row");
    expect(await row.textContent()).toMatch(/Warehouse system.*orders:read, orders:write.*Never/);
    expect(await row.textContent()).not.toContain(key.split("_").at(-1));

    const orders = await fetch(`${apiUrl}/api/v1/seller/orders`, { headers: { "x-api-key": key } });
    expect(orders.status).toBe(200);
    const products = await fetch(`${apiUrl}/api/v1/seller/products`, { headers: { "x-api-key": key } });
    expect(products.status).toBe(403);
    // The list is read again on the next visit.
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await page.getByRole("link", { name: "API keys", exact: true }).click();
    await expect
      .poll(async () => (await page.getByTestId("api-key-row").textContent()) ?? "")
      .not.toContain("Never");

    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("api-key-row").getByRole("button", { name: "Revoke" }).click();
    await expect
      .poll(async () => (await page.getByTestId("api-key-row").textContent()) ?? "")
      .toContain("Revoked");
    const refused = await fetch(`${apiUrl}/api/v1/seller/orders`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(refused.status).toBe(401);
    expect((await refused.json()).reason).toBe("api_key.revoked");
    expect(errors).toEqual([]);
  });

  it("shows the API reference at /docs from our own files", async () => {
    suite.check();
    const page = await suite.browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(suite.stack.apiUrl) && !r.url().startsWith("data:")) outside.push(r.url());
    });
    await page.goto(`${suite.stack.apiUrl}/docs/`);
    await page.getByRole("heading", { name: /Bazaar API/ }).waitFor({ timeout: 15_000 });
    await page.getByText("/seller/stock/adjustments").first().waitFor();
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
