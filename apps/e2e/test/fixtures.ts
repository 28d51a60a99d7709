import { randomUUID } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import {
  type Actor,
  advanceSubOrder,
  createAddress,
  createShopForSeed,
  createVerifiedUser,
  type Deps,
  login,
  type SellerActor,
  verifySecondFactor,
} from "@bazaar/core";
import { currentTotpCodeByEmail } from "@bazaar/core/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium, type Stack, startStack, type WebApp } from "./harness";

type State = Parameters<typeof createAddress>[2]["state"];

// The people, shops and orders the browser tests seed before opening pages, and the sign-in
// every page starts with: one way to make each, so the tests differ only in their story.

export const PASSWORD = "mango-tree-42";

/** A small, valid PNG (solid colour), standing in for a phone's photo, only smaller. */
export function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A verified user who signs in with PASSWORD, and an actor to seed as them. */
export async function verifiedUser(
  deps: Deps,
  who: { email: string; name: string },
  role: "customer" | "admin" = "customer",
): Promise<{ id: string; actor: Actor }> {
  const user = await createVerifiedUser(deps, { ...who, password: PASSWORD, role });
  if (role === "admin") await rememberDevice(deps, who.email);
  return { id: user.id, actor: { userId: user.id, role, sessionId: randomUUID() } };
}

/** Remember-this-device tokens by email, handed to the browser by `signInPage`. */
const rememberedDevices = new Map<string, string>();

/**
 * Admins must pass a second factor (#16). This enrols the account's authenticator and signs
 * in once with a code and "remember this device", so `signInPage` can give the browser that
 * device's cookie and the login form signs in with the password alone, as it would on the
 * admin's own laptop. The second-factor step itself is driven in two-factor.test.ts.
 */
export async function rememberDevice(deps: Deps, email: string): Promise<void> {
  const origin = { ip: null, userAgent: "e2e" };
  const first = await login(deps, origin, { email, password: PASSWORD });
  if (first.status === "signed_in") return;
  const code = await currentTotpCodeByEmail(deps, email);
  const done = await verifySecondFactor(deps, origin, {
    challengeToken: first.challengeToken,
    code,
    rememberDevice: true,
  });
  if (done.status === "signed_in" && done.trustedDevice)
    rememberedDevices.set(email.toLowerCase(), done.trustedDevice.token);
}

/** A buyer who can sign in, with one saved address to check out to. */
export async function buyerWithAddress(
  deps: Deps,
  who: { email: string; name: string },
  address: { line1: string; city: string; state: State; pincode: string; isDefault?: boolean },
) {
  const { actor } = await verifiedUser(deps, who);
  const saved = await createAddress(deps, actor, { name: who.name, phone: "9876543210", ...address });
  return { actor, addressId: saved.id };
}

/** An approved shop whose owner can sign in to the seller app, and an actor to seed as the shop. */
export async function shopOwner(
  deps: Deps,
  who: { email: string; name: string; shopName: string },
  pickup: { city: string; state: State; pincode: string },
) {
  const owner = await verifiedUser(deps, who);
  const { seller } = await createShopForSeed(deps, {
    userId: owner.id,
    status: "approved",
    shopName: who.shopName,
    contactEmail: who.email,
    contactPhone: "98240 12345",
    pickupAddress: { name: who.name, phone: "98240 12345", line1: "1 Market Road", ...pickup },
    bankAccount: { holder: who.name, number: "50100234567812", ifsc: "HDFC0000123" },
  });
  const actor = { userId: owner.id, role: "seller", sessionId: randomUUID(), sellerId: seller.id } as const;
  return { seller, actor };
}

/** The shop walks a paid or cash-on-delivery part to delivered, shipping it with Delhivery. */
export async function deliver(deps: Deps, shop: SellerActor, subOrderId: string): Promise<void> {
  for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
    await advanceSubOrder(deps, shop, {
      subOrderId,
      to,
      ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: "DL12345678" }),
    });
}

/**
 * A page signed in to one app through its login form. From a browser it opens a fresh
 * context (its own cookies); from a context, a page sharing that context's session.
 * Page errors go to `onPageError` from the first load on.
 */
export async function signInPage(
  from: Browser | BrowserContext,
  appUrl: string,
  email: string,
  options: { timeoutMs?: number; onPageError?: (message: string) => void } = {},
): Promise<Page> {
  const context = "newContext" in from ? await from.newContext() : from;
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeoutMs ?? 20_000);
  const { onPageError } = options;
  if (onPageError) page.on("pageerror", (e) => onPageError(e.message));
  const device = rememberedDevices.get(email.toLowerCase());
  if (device)
    await context.addCookies([
      {
        name: "bazaar_device",
        value: device,
        domain: new URL(appUrl).hostname,
        path: "/trpc",
        httpOnly: true,
      },
    ]);
  await page.goto(`${appUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("signed-in-user").waitFor();
  return page;
}

/**
 * A test file's whole product: before its tests, the stack (the given apps and the API) is
 * started, `seed` runs against its database and Chromium is launched; after them all is
 * closed. A failed setup is kept and thrown by `check()` and the getters, so the tests fail
 * with it instead of being reported as skipped.
 */
export function browserSuite<T>(name: string, apps: readonly WebApp[], seed: (deps: Deps) => Promise<T>) {
  const state: { stack?: Stack; browser?: Browser; world?: T; failed: boolean; error?: unknown } = {
    failed: false,
  };
  beforeAll(async () => {
    try {
      state.stack = await startStack(name, apps);
      state.world = await seed(state.stack.api.runtime.deps);
      state.browser = await launchChromium();
    } catch (error) {
      state.failed = true;
      state.error = error;
    }
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.stack?.close();
  });
  const ready = <K extends "stack" | "browser" | "world">(key: K): NonNullable<(typeof state)[K]> => {
    if (state.failed) throw state.error;
    const value = state[key];
    if (value === undefined) throw new Error(`browserSuite(${name}): ${key} is not ready`);
    return value as NonNullable<(typeof state)[K]>;
  };
  return {
    check: () => void ready("stack"),
    get stack() {
      return ready("stack");
    },
    get browser() {
      return ready("browser");
    },
    get world() {
      return ready("world");
    },
  };
}
