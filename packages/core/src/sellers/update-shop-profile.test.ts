import { auditLog, media, sellers } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { SellerActor } from "../platform/deps";
import { createTestContext, type TestContext } from "../testing";
import { application, newActor } from "../testing/seller-fixture";
import { decryptBankAccount } from "./bank-account";
import { createShopForSeed } from "./create-shop-for-seed";
import { getShopBySlug } from "./get-shop";
import { suspendSeller } from "./suspend-seller";
import { updateShopProfile } from "./update-shop-profile";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function approvedSeller(shopName: string) {
  const a = await newActor(t, "seller");
  const { seller: shop } = await createShopForSeed(t.deps, {
    ...application({ shopName }),
    userId: a.user.id,
  });
  const actor: SellerActor = { ...a.actor, sellerId: shop.id };
  return { ...a, shop, actor };
}
async function upload(ownerId: string) {
  const key = `test/${crypto.randomUUID()}.png`;
  const [m] = await t.deps.db
    .insert(media)
    .values({ ownerId, storeKey: key, url: `http://media.test/${key}`, contentType: "image/png", bytes: 100 })
    .returning();
  return m!;
}

describe("shop profile", () => {
  it("edits the profile and logo; the public shop page shows it at once", async () => {
    const s = await approvedSeller("Goa Cashew House");
    expect((await getShopBySlug(t.deps, { slug: s.shop.slug })).description).toBe(s.shop.description);
    const logo = await upload(s.user.id);
    const updated = await updateShopProfile(t.deps, s.actor, {
      description: "Roasted cashews and feni-free treats from Panaji.",
      contactPhone: "+91 91234 56789",
      logoMediaId: logo.id,
      gstin: null,
    });
    expect(updated).toMatchObject({
      slug: s.shop.slug,
      description: "Roasted cashews and feni-free treats from Panaji.",
      contactPhone: "+919123456789",
      logoUrl: logo.url,
      gstin: null,
      pan: "AAKFL4821M",
    });
    expect(await getShopBySlug(t.deps, { slug: s.shop.slug })).toMatchObject({
      description: "Roasted cashews and feni-free treats from Panaji.",
      logoUrl: logo.url,
    });
    const removed = await updateShopProfile(t.deps, s.actor, { logoMediaId: null });
    expect(removed.logoUrl).toBeNull();
    expect(updated.codEnabled).toBe(true);
    expect((await updateShopProfile(t.deps, s.actor, { codEnabled: false })).codEnabled).toBe(false);
  });

  it("re-encrypts new bank details and only ever shows the mask", async () => {
    const s = await approvedSeller("Bank Change Traders");
    const updated = await updateShopProfile(t.deps, s.actor, {
      bankAccount: { holder: "Bank Change Traders", number: "000111222333444", ifsc: "ICIC0001845" },
    });
    expect(updated.bankAccount).toEqual({
      holder: "Bank Change Traders",
      numberMasked: "XXXXXX3444",
      ifsc: "ICIC0001845",
    });
    expect(JSON.stringify(updated)).not.toContain("000111222333444");
    const [row] = await t.deps.db.select().from(sellers).where(eq(sellers.id, s.shop.id));
    expect(row!.bankAccountEncrypted).not.toContain("000111222333444");
    expect(decryptBankAccount(t.deps, row!.bankAccountEncrypted)).toBe("000111222333444");
    const [log] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, s.shop.id), eq(auditLog.action, "seller.profile_updated")));
    expect(log!.data).toEqual({ fields: ["bankAccount"] });
  });

  it("refuses another user's upload as a logo as if it did not exist", async () => {
    const s = await approvedSeller("Logo Thief");
    const other = await newActor(t);
    const theirs = await upload(other.user.id);
    const err = await updateShopProfile(t.deps, s.actor, { logoMediaId: theirs.id }).catch((e) => e);
    expect(err).toMatchObject({
      code: "NOT_FOUND",
      reason: "media.not_found",
      details: { fieldErrors: { logoMediaId: expect.any(Array) } },
    });
    await expect(
      updateShopProfile(t.deps, s.actor, { logoMediaId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", reason: "media.not_found" });
    const [row] = await t.deps.db.select().from(sellers).where(eq(sellers.id, s.shop.id));
    expect(row!.logoMediaId).toBeNull();
  });

  it("a suspended shop is frozen even if the caller got past the gate", async () => {
    const s = await approvedSeller("Frozen Foods");
    const admin = await newActor(t, "admin");
    await suspendSeller(t.deps, admin.actor, { sellerId: s.shop.id, reason: "under review" });
    await expect(updateShopProfile(t.deps, s.actor, { description: "sneaky" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("rejects an empty update and bad fields", async () => {
    const s = await approvedSeller("Empty Update");
    await expect(updateShopProfile(t.deps, s.actor, {})).rejects.toBeInstanceOf(ZodError);
    const err = await updateShopProfile(t.deps, s.actor, {
      contactEmail: "nope",
      pan: "123",
      logoMediaId: "not-a-uuid",
    }).catch((e) => e);
    expect((err as ZodError).issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["contactEmail", "pan", "logoMediaId"]),
    );
  });
});
