import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, readCode, type Stack, startStack } from "./harness";

let stack: Stack | undefined;
let browser: Browser | undefined;
let webUrl: string;
/** Set when setup fails, so the test fails with it instead of being reported as skipped. */
let setupError: unknown;

const signedInName = async (page: Page) => {
  const badge = page.getByTestId("signed-in-user");
  await badge.waitFor({ state: "visible" });
  return badge.textContent();
};

beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
});

async function setUp() {
  stack = await startStack("signup", ["customer-web"]);
  webUrl = stack.url["customer-web"];
  browser = await launchChromium();
}

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe("customer sign-up in the browser", () => {
  it("registers, verifies the emailed code, lands signed in and stays signed in after a reload", async () => {
    if (setupError) throw setupError;
    const context = await browser!.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));

    const email = `asha.${Date.now()}@example.com`;
    const name = "Asha Verma";

    await page.goto(`${webUrl}/register`);
    await page.getByLabel("Full name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mobile number (optional)").fill("98765 43210");
    await page.getByLabel("Password").fill("mango-tree-42");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL((url) => url.pathname === "/verify");
    expect(new URL(page.url()).searchParams.get("email")).toBe(email);
    await page.getByTestId("verify-notice").waitFor();

    // A wrong code is refused beside the field, and the form stays usable.
    const code = await readCode(join(stack!.tmpDir, "outbox"), email);
    const wrong = code === "000000" ? "111111" : "000000";
    await page.getByLabel("Verification code").fill(wrong);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.getByTestId("code-error").waitFor();
    expect(await page.getByTestId("code-error").textContent()).toMatch(/not right/);

    await page.getByLabel("Verification code").fill(code);
    await page.getByRole("button", { name: "Verify and sign in" }).click();

    await page.waitForURL((url) => url.pathname === "/account");
    expect(await signedInName(page)).toBe(name);
    await page.getByRole("heading", { name: `Hello, ${name}` }).waitFor();

    // The refresh token is an httpOnly cookie; nothing is kept in web storage.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "bazaar_rt")).toMatchObject({ httpOnly: true, path: "/trpc" });
    expect(await page.evaluate("localStorage.length + sessionStorage.length")).toBe(0);

    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/account");
    expect(await signedInName(page)).toBe(name);
    await page.getByRole("heading", { name: `Hello, ${name}` }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
