import { createVerifiedUser, type Deps } from "@bazaar/core";
import { totpCode } from "@bazaar/core/testing";
import { describe, expect, it } from "vitest";
import { browserSuite, PASSWORD, signInPage, verifiedUser } from "./fixtures";

// Two-factor authentication (#16) in the browser: a customer turns it on from the account's
// security page (QR, key, a code from the app, recovery codes), then signs in again with the
// password and a code; and an admin's first sign-in sets up the app before any session.

const EMAIL = "priya-2fa@e2e.test";
const ADMIN = "new-admin-2fa@e2e.test";

const suite = browserSuite("two-factor", ["customer-web", "admin-web"], async (deps: Deps) => {
  await verifiedUser(deps, { email: EMAIL, name: "Priya Nair" });
  // Created directly, not through the fixture: the fixture would enrol it.
  await createVerifiedUser(deps, { email: ADMIN, name: "Neha Admin", password: PASSWORD, role: "admin" });
  return {};
});

/** A code of the app's next 30-second step: the current one may already have been used. */
const nextCode = (secret: string) => totpCode(secret, new Date(Date.now() + 30_000));

describe("two-factor authentication, in the browser", () => {
  it("a customer turns it on and signs in with the password and a code", async () => {
    suite.check();
    const web = suite.stack.url["customer-web"];
    const errors: string[] = [];
    const page = await signInPage(suite.browser, web, EMAIL, { onPageError: (m) => errors.push(m) });
    await page.goto(`${web}/account/security`);
    await page.getByTestId("two-factor-off").waitFor();
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await page.getByTestId("totp-qr").waitFor();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // A wrong code is refused on its field.
    await page.getByLabel("Authentication code").fill("000000");
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect.poll(() => page.locator("#two-factor-code[aria-invalid='true']").count()).toBe(1);
    await page.getByLabel("Authentication code").fill(totpCode(secret));
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await expect.poll(() => codes.count()).toBe(10);
    await page.getByTestId("recovery-codes-done").click();
    await page.getByTestId("two-factor-on").waitFor();
    expect(await page.getByTestId("two-factor-on").textContent()).toContain("10 of 10 recovery codes left");

    // A new browser: the password alone is not enough.
    const context = await suite.browser.newContext();
    const fresh = await context.newPage();
    fresh.setDefaultTimeout(20_000);
    await fresh.goto(`${web}/login`);
    await fresh.getByLabel("Email").fill(EMAIL);
    await fresh.getByLabel("Password").fill(PASSWORD);
    await fresh.getByRole("button", { name: "Sign in" }).click();
    await fresh.getByTestId("second-factor-form").waitFor();
    expect(await fresh.getByTestId("signed-in-user").count()).toBe(0);
    await fresh.getByLabel("Authentication code").fill(nextCode(secret));
    await fresh.getByLabel("Remember this device for 30 days").check();
    await fresh.getByRole("button", { name: "Verify" }).click();
    await fresh.getByTestId("signed-in-user").waitFor();
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "bazaar_device")?.httpOnly).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an admin's first sign-in sets up the authenticator before any session", async () => {
    suite.check();
    const web = suite.stack.url["admin-web"];
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${web}/login`);
    await page.getByLabel("Email").fill(ADMIN);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("enrolment-form").waitFor();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    await page.getByLabel("Authentication code").fill(totpCode(secret));
    await page.getByRole("button", { name: "Turn on and sign in" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("li").count()).toBe(10);
    expect(await page.getByTestId("signed-in-user").count()).toBe(0);
    await page.getByTestId("recovery-codes-done").click();
    await page.getByTestId("signed-in-user").waitFor();
    await context.close();
  });
});
