import { createVerifiedUser } from "@bazaar/core";
import { currentTotpCode, type GoogleStub, startGoogleStub } from "@bazaar/core/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type Stack, startStack } from "./harness";

/**
 * Google Identity Services cannot load offline: the browser gets a stand-in at its URL that
 * draws a plain button and, when clicked, hands the page an ID token signed by the local
 * Google stub (whose keys the API is pointed at), as GIS would after the Google popup.
 */
const FAKE_GIS_JS = `
window.google = { accounts: { id: {
  initialize(config) { window.__gisConfig = config; },
  renderButton(parent, options) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = options.text === "signup_with" ? "Sign up with Google" : "Sign in with Google";
    b.onclick = async () => window.__gisConfig.callback({ credential: await window.__googleToken() });
    parent.appendChild(b);
  },
} } };
`;
const GIS_URL = "https://accounts.google.com/gsi/client";
const CLIENT_ID = "bazaar-e2e.apps.googleusercontent.com";

let stack: Stack | undefined;
let browser: Browser | undefined;
let google: GoogleStub | undefined;
let setupError: unknown;

beforeAll(async () => {
  try {
    google = await startGoogleStub({ clientId: CLIENT_ID });
    stack = await startStack("google", ["customer-web"], {
      env: { GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_JWKS_URL: google.jwksUrl },
    });
    browser = await launchChromium();
  } catch (error) {
    setupError = error;
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await google?.close();
});

/** A page whose "Google" signs in as `claims` (a fresh sub each click unless given). */
async function pageAs(claims: Parameters<GoogleStub["sign"]>[0], gis: "works" | "blocked" = "works") {
  const page = await (await browser!.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.route(GIS_URL, (route) =>
    gis === "works"
      ? route.fulfill({ contentType: "application/javascript", body: FAKE_GIS_JS })
      : route.abort("blockedbyclient"),
  );
  await page.exposeFunction("__googleToken", () => google!.sign(claims));
  return { page, pageErrors };
}

const signedInName = async (page: Page) => {
  const badge = page.getByTestId("signed-in-user");
  await badge.waitFor({ state: "visible" });
  return badge.textContent();
};

describe("Sign in with Google in the customer app", () => {
  it("signs a new person in from the sign-in page and lands on their account", async () => {
    if (setupError) throw setupError;
    const email = `gia.${Date.now()}@gmail.test`;
    const { page, pageErrors } = await pageAs({ email, name: "Gia Google" });
    await page.goto(`${stack!.url["customer-web"]}/login`);
    await page.getByTestId("google-sign-in").waitFor();
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    expect(await signedInName(page)).toBe("Gia Google");
    // The refresh token is the same httpOnly cookie a password sign-in sets.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "bazaar_rt")).toMatchObject({ httpOnly: true });
    expect(pageErrors).toEqual([]);
  });

  it("links an existing account from the sign-up page and shows it under Linked accounts", async () => {
    if (setupError) throw setupError;
    const email = `owner.${Date.now()}@example.com`;
    await createVerifiedUser(stack!.api.runtime.deps, {
      email,
      name: "Owner Rao",
      password: "owner-pass-123",
      role: "customer",
    });
    const { page, pageErrors } = await pageAs({ email });
    await page.goto(`${stack!.url["customer-web"]}/register`);
    await page.getByRole("button", { name: "Sign up with Google" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    expect(await signedInName(page)).toBe("Owner Rao");

    await page.goto(`${stack!.url["customer-web"]}/account/linked`);
    const item = page.getByTestId("linked-account");
    await item.waitFor();
    expect(await item.textContent()).toContain(email);
    await item.getByRole("button", { name: "Remove" }).click();
    await page.getByTestId("linked-accounts-empty").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("asks an account with a second factor for its code after Google, as after a password", async () => {
    if (setupError) throw setupError;
    const deps = stack!.api.runtime.deps;
    const email = `guarded.${Date.now()}@example.com`;
    const user = await createVerifiedUser(deps, {
      email,
      name: "Guarded Iyer",
      password: "guarded-pass-123",
      role: "customer",
    });
    await currentTotpCode(deps, user.id); // enrols an authenticator
    const { page, pageErrors } = await pageAs({ email });
    await page.goto(`${stack!.url["customer-web"]}/login`);
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await page.getByLabel("Authentication code").fill(await currentTotpCode(deps, user.id));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    expect(await signedInName(page)).toBe("Guarded Iyer");
    expect(pageErrors).toEqual([]);
  });

  it("says so when Google cannot be reached, and the password form still works", async () => {
    if (setupError) throw setupError;
    const { page } = await pageAs({}, "blocked");
    await page.goto(`${stack!.url["customer-web"]}/login`);
    await page.getByText("Sign in with Google is unavailable right now").waitFor();
    await expect(page.getByRole("button", { name: "Sign in", exact: true }).isEnabled()).resolves.toBe(true);
  });
});
