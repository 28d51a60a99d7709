import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing";
import { application, newActor } from "../testing/seller-fixture";
import { applyToSell } from "./apply-to-sell";
import { createShopForSeed } from "./create-shop-for-seed";
import { getPlatformSettings } from "./get-platform-settings";
import { getSeller } from "./get-seller";
import { listSellers } from "./list-sellers";
import { setDefaultCommission } from "./set-default-commission";
import { setSellerCommission } from "./set-seller-commission";

let t: TestContext;
let admin: Awaited<ReturnType<typeof newActor>>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await newActor(t, "admin");
});
afterAll(() => t.close());

describe("admin sellers list", () => {
  it("filters by status, searches name and emails, pages newest first", async () => {
    // Every shop here carries this test's tag, so shops other tests open do not show up.
    const tag = `t${Math.random().toString(36).slice(2, 8)}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await newActor(t, "customer", `Weaver ${i}`);
      t.advance(1000);
      const s = await applyToSell(
        t.deps,
        a.actor,
        application({ shopName: `Handloom ${tag} Co ${i}`, contactEmail: `loom${i}.${tag}@weavers.in` }),
      );
      made.push(s.id);
    }
    const approved = await newActor(t, "seller");
    await createShopForSeed(t.deps, {
      ...application({ shopName: `Already Open ${tag}` }),
      userId: approved.user.id,
    });

    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listSellers(t.deps, admin.actor, {
        status: "pending",
        q: `handloom ${tag}`,
        limit: 2,
        cursor,
      });
      all.push(...p.items.map((s) => s.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(all).toEqual([...made].reverse());

    const byContact = await listSellers(t.deps, admin.actor, { q: `loom3.${tag}@weavers` });
    expect(byContact.items.map((s) => s.shopName)).toEqual([`Handloom ${tag} Co 3`]);
    const byOwner = await listSellers(t.deps, admin.actor, { q: approved.user.email });
    expect(byOwner.items).toHaveLength(1);
    expect(byOwner.items[0]).toMatchObject({
      shopName: `Already Open ${tag}`,
      status: "approved",
      owner: { email: approved.user.email },
    });
    const approvedOnly = await listSellers(t.deps, admin.actor, { status: "approved", q: tag });
    expect(approvedOnly.items.map((s) => s.id)).toEqual([byOwner.items[0]!.id]);
    expect((await listSellers(t.deps, admin.actor, { q: "100%_" })).items).toEqual([]);
    for (const s of (await listSellers(t.deps, admin.actor, {})).items)
      expect(s.bankAccount.numberMasked).toMatch(/^XXXXXX\d{4}$/);
    await expect(listSellers(t.deps, admin.actor, { cursor: "garbage" })).rejects.toMatchObject({
      code: "VALIDATION",
      reason: "pagination.bad_cursor",
    });
  });

  it("byId returns any status; an unknown id is NOT_FOUND", async () => {
    const a = await newActor(t);
    const s = await applyToSell(t.deps, a.actor, application({ shopName: "By Id Shop" }));
    expect(await getSeller(t.deps, admin.actor, { sellerId: s.id })).toEqual(s);
    await expect(getSeller(t.deps, admin.actor, { sellerId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
      reason: "seller.not_found",
    });
  });
});

describe("commission", () => {
  it("defaults to 10%, follows the platform default, and a per-seller override wins", async () => {
    expect(await getPlatformSettings(t.deps, admin.actor)).toEqual({ defaultCommissionBps: 1000 });
    const a = await newActor(t, "seller");
    const { seller: shop } = await createShopForSeed(t.deps, {
      ...application({ shopName: "Commission Co" }),
      userId: a.user.id,
    });
    expect(shop).toMatchObject({ commissionBps: null, effectiveCommissionBps: 1000 });

    await setDefaultCommission(t.deps, admin.actor, { commissionBps: 1250 });
    expect(await getPlatformSettings(t.deps, admin.actor)).toEqual({ defaultCommissionBps: 1250 });
    expect(await getSeller(t.deps, admin.actor, { sellerId: shop.id })).toMatchObject({
      effectiveCommissionBps: 1250,
    });

    const over = await setSellerCommission(t.deps, admin.actor, { sellerId: shop.id, commissionBps: 500 });
    expect(over).toMatchObject({ commissionBps: 500, effectiveCommissionBps: 500 });
    const back = await setSellerCommission(t.deps, admin.actor, { sellerId: shop.id, commissionBps: null });
    expect(back).toMatchObject({ commissionBps: null, effectiveCommissionBps: 1250 });

    // Out-of-range rates are refused by the input schema, naming the field.
    await expect(
      setSellerCommission(t.deps, admin.actor, { sellerId: shop.id, commissionBps: 10_001 }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["commissionBps"] })] });
    await expect(setDefaultCommission(t.deps, admin.actor, { commissionBps: -1 })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["commissionBps"] })],
    });
    expect(await getPlatformSettings(t.deps, admin.actor)).toEqual({ defaultCommissionBps: 1250 });
    await expect(
      setSellerCommission(t.deps, admin.actor, { sellerId: crypto.randomUUID(), commissionBps: 100 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", reason: "seller.not_found" });
  });
});

describe("createShopForSeed", () => {
  it("is idempotent, finds the owner by id or email, and makes a customer a seller", async () => {
    const a = await newActor(t, "customer");
    const one = await createShopForSeed(t.deps, {
      ...application({ shopName: "Seeded Shop" }),
      userId: a.user.id,
    });
    const two = await createShopForSeed(t.deps, {
      ...application({ shopName: "Renamed" }),
      ownerEmail: a.user.email.toUpperCase(),
    });
    expect(one.created).toBe(true);
    expect(two).toEqual({ seller: one.seller, created: false });
    expect(one.seller).toMatchObject({
      status: "approved",
      shopName: "Seeded Shop",
      owner: { email: a.user.email },
    });
    const pending = await newActor(t, "customer");
    const p = await createShopForSeed(t.deps, {
      ...application({ shopName: "Seeded Pending" }),
      userId: pending.user.id,
      status: "pending",
    });
    expect(p.seller).toMatchObject({ status: "pending", decidedAt: null });
    await expect(
      createShopForSeed(t.deps, { ...application(), ownerEmail: "nobody@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", reason: "user.not_found" });
  });
});
