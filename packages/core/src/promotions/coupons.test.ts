import { randomUUID } from "node:crypto";
import { auditLog } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCoupon } from "../cart";
import { placeOrder } from "../checkout";
import { createVerifiedUser } from "../identity";
import type { Actor } from "../platform/deps";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { createCoupon, listCoupons, setCouponActive, updateCoupon } from "./index";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

const platform = { sellerId: null };
/** A code no other test uses: codes are unique across the whole platform. */
const code = () => `C${randomUUID().replaceAll("-", "").slice(0, 12).toUpperCase()}`;

async function newAdmin(): Promise<Actor> {
  const u = await createVerifiedUser(t.deps, {
    email: `admin-${randomUUID()}@example.com`,
    name: "Admin",
    password: "pass-word-1",
    role: "admin",
  });
  return { userId: u.id, role: "admin", sessionId: randomUUID() };
}

/** A shop of the test's own, with its owner acting and a product to name. */
async function newShop(name = "Ravi Textiles") {
  const shop = await fx.shop(name);
  const item = await fx.variant(shop, 50_000, 20, `${name} kurta`);
  return { shop, owner: { sellerId: shop.id }, actor: shop.actor, item };
}

const auditOf = (id: string) =>
  t.deps.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "coupon"), eq(auditLog.targetId, id)))
    .orderBy(auditLog.createdAt);

describe("createCoupon", () => {
  it("creates a platform percent coupon, upper-cased, live at once and audited", async () => {
    const admin = await newAdmin();
    const before = t.deps.now();
    const c = await createCoupon(t.deps, admin, platform, {
      code: "diwali-20",
      description: "Diwali: 20% off, up to Rs. 500",
      kind: "percent",
      percentBps: 2_000,
      maxDiscount: 50_000,
      minSubtotal: 100_000,
    });
    expect(c).toMatchObject({
      code: "DIWALI-20",
      scope: "platform",
      sellerId: null,
      kind: "percent",
      percentBps: 2_000,
      amountOff: null,
      maxDiscount: 50_000,
      minSubtotal: 100_000,
      endsAt: null,
      usageLimit: null,
      usedCount: 0,
      active: true,
      state: "active",
    });
    expect(c.startsAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(c.startsAt.getTime()).toBeLessThanOrEqual(t.deps.now().getTime());
    expect(await auditOf(c.id)).toEqual([
      { action: "coupon.created", actorId: admin.userId, data: { code: "DIWALI-20", sellerId: null } },
    ]);
  });

  it("creates a seller's coupon for their own products, carrying the products' titles", async () => {
    const { owner, actor, item, shop } = await newShop();
    const c = await createCoupon(t.deps, actor, owner, {
      code: code(),
      kind: "fixed",
      amountOff: 5_000,
      productIds: [item.product.id],
    });
    expect(c).toMatchObject({ scope: "seller", sellerId: shop.id, amountOff: 5_000, percentBps: null });
    expect(c.products).toEqual([{ id: item.product.id, title: "Ravi Textiles kurta" }]);
  });

  it("schedules a coupon that starts later", async () => {
    const admin = await newAdmin();
    const startsAt = new Date(t.deps.now().getTime() + 86_400_000);
    const c = await createCoupon(t.deps, admin, platform, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
      startsAt,
    });
    expect([c.state, c.startsAt]).toEqual(["scheduled", startsAt]);
  });

  it("refuses another seller's product, an unknown category and an unknown product, naming the entry", async () => {
    const mine = await newShop("Mine");
    const theirs = await newShop("Theirs");
    const foreign = await rejects(
      createCoupon(t.deps, mine.actor, mine.owner, {
        code: code(),
        kind: "fixed",
        amountOff: 100,
        productIds: [mine.item.product.id, theirs.item.product.id],
      }),
    );
    expect([foreign.code, foreign.reason, Object.keys(foreign.details?.fieldErrors as object)]).toEqual([
      "VALIDATION",
      "coupon.product_not_found",
      ["productIds.1"],
    ]);
    // The platform may name any shop's product, but not one that does not exist.
    const admin = await newAdmin();
    const ok = await createCoupon(t.deps, admin, platform, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
      productIds: [theirs.item.product.id],
    });
    expect(ok.productIds).toEqual([theirs.item.product.id]);
    const ghost = await rejects(
      createCoupon(t.deps, admin, platform, {
        code: code(),
        kind: "fixed",
        amountOff: 100,
        productIds: [randomUUID()],
      }),
    );
    expect(ghost.reason).toBe("coupon.product_not_found");
    const category = await rejects(
      createCoupon(t.deps, admin, platform, {
        code: code(),
        kind: "fixed",
        amountOff: 100,
        categoryIds: [randomUUID()],
      }),
    );
    expect([category.reason, Object.keys(category.details?.fieldErrors as object)]).toEqual([
      "coupon.category_not_found",
      ["categoryIds.0"],
    ]);
  });

  it("keeps codes unique across the platform and every shop, whatever the case", async () => {
    const admin = await newAdmin();
    const { actor, owner } = await newShop();
    const c = await createCoupon(t.deps, admin, platform, { code: code(), kind: "fixed", amountOff: 100 });
    const taken = await rejects(
      createCoupon(t.deps, actor, owner, { code: c.code.toLowerCase(), kind: "fixed", amountOff: 100 }),
    );
    expect([taken.code, taken.reason, taken.details?.fieldErrors]).toEqual([
      "VALIDATION",
      "coupon.code_taken",
      { code: ["That code is already in use"] },
    ]);
  });

  it("refuses a kind without its amount, a cap on a fixed coupon and a window that ends before it starts", async () => {
    const admin = await newAdmin();
    const startsAt = new Date(t.deps.now().getTime() + 86_400_000);
    for (const [input, field] of [
      [{ kind: "percent" }, "percentBps"],
      [{ kind: "fixed" }, "amountOff"],
      [{ kind: "fixed", amountOff: 100, maxDiscount: 50 }, "maxDiscount"],
      [{ kind: "fixed", amountOff: 100, startsAt, endsAt: startsAt }, "endsAt"],
    ] as const) {
      await expect(
        createCoupon(t.deps, admin, platform, { code: code(), ...input }),
        field,
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: [field] })],
      });
    }
    // Without a start it starts now, so it must end after now.
    const past = await rejects(
      createCoupon(t.deps, admin, platform, {
        code: code(),
        kind: "fixed",
        amountOff: 100,
        endsAt: new Date(t.deps.now().getTime() - 1_000),
      }),
    );
    expect(past.reason).toBe("coupon.bad_window");
  });
});

describe("updateCoupon", () => {
  it("changes terms field by field, keeps the code and kind, and audits what changed", async () => {
    const { actor, owner } = await newShop();
    const c = await createCoupon(t.deps, actor, owner, {
      code: code(),
      kind: "percent",
      percentBps: 1_000,
      maxDiscount: 20_000,
      usageLimit: 10,
    });
    const u = await updateCoupon(t.deps, actor, owner, {
      id: c.id,
      percentBps: 1_500,
      maxDiscount: null,
      // Not part of the update input: silently not changed.
      ...({ code: "RENAMED", kind: "fixed" } as object),
    });
    expect(u).toMatchObject({
      code: c.code,
      kind: "percent",
      percentBps: 1_500,
      maxDiscount: null,
      usageLimit: 10,
      state: "active",
    });
    expect((await auditOf(c.id)).map((a) => [a.action, a.data])).toEqual([
      ["coupon.created", { code: c.code, sellerId: owner.sellerId }],
      ["coupon.updated", { percentBps: 1_500, maxDiscount: null }],
    ]);
  });

  it("keeps every term it was not given", async () => {
    const { actor, owner, item } = await newShop();
    const terms = {
      description: "Rs. 100 off a first order of Rs. 999 or more",
      minSubtotal: 99_900,
      firstOrderOnly: true,
      productIds: [item.product.id],
      categoryIds: [item.product.categoryId],
      perCustomerLimit: 1,
    };
    const c = await createCoupon(t.deps, actor, owner, {
      code: code(),
      kind: "fixed",
      amountOff: 10_000,
      ...terms,
    });
    const u = await updateCoupon(t.deps, actor, owner, { id: c.id, amountOff: 15_000 });
    expect(u).toMatchObject({ ...terms, amountOff: 15_000 });
  });

  it("judges the result as a whole: no amount left, a window that closes before it opens", async () => {
    const admin = await newAdmin();
    const fixed = await createCoupon(t.deps, admin, platform, {
      code: code(),
      kind: "fixed",
      amountOff: 500,
    });
    const noAmount = await rejects(updateCoupon(t.deps, admin, platform, { id: fixed.id, amountOff: null }));
    expect([noAmount.reason, Object.keys(noAmount.details?.fieldErrors as object)]).toEqual([
      "coupon.amount_required",
      ["amountOff"],
    ]);
    const startsAt = new Date(t.deps.now().getTime() + 2 * 86_400_000);
    const later = await createCoupon(t.deps, admin, platform, {
      code: code(),
      kind: "percent",
      percentBps: 500,
      startsAt,
    });
    const window = await rejects(
      updateCoupon(t.deps, admin, platform, { id: later.id, endsAt: new Date(startsAt.getTime() - 1) }),
    );
    expect(window.reason).toBe("coupon.bad_window");
    const noPercent = await rejects(
      updateCoupon(t.deps, admin, platform, { id: later.id, percentBps: null }),
    );
    expect(noPercent.reason).toBe("coupon.percent_required");
  });

  it("will not set the usage limit below the uses already made", async () => {
    const { shop, actor, owner, item } = await newShop();
    const c = await createCoupon(t.deps, actor, owner, {
      code: code(),
      kind: "fixed",
      amountOff: 1_000,
      usageLimit: 5,
    });
    for (let i = 0; i < 2; i++) {
      const buyer = await fx.customer();
      await fx.fill(buyer, [[item.id, 1]]);
      await applyCoupon(t.deps, { userId: buyer.user.id }, { code: c.code });
      await placeOrder(t.deps, buyer.actor, {
        addressId: buyer.addressId,
        paymentMethod: "cod",
        idempotencyKey: randomUUID(),
      });
    }
    const below = await rejects(updateCoupon(t.deps, shop.actor, owner, { id: c.id, usageLimit: 1 }));
    expect([below.reason, below.details?.usedCount]).toEqual(["coupon.limit_below_used", 2]);
    const exact = await updateCoupon(t.deps, shop.actor, owner, { id: c.id, usageLimit: 2 });
    expect([exact.usedCount, exact.usageLimit, exact.state]).toEqual([2, 2, "exhausted"]);
  });

  it("lets a seller change only their own coupons, and the platform only its own", async () => {
    const admin = await newAdmin();
    const a = await newShop("A");
    const b = await newShop("B");
    const theirs = await createCoupon(t.deps, b.actor, b.owner, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
    });
    const platformCoupon = await createCoupon(t.deps, admin, platform, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
    });
    for (const [actor, owner, id] of [
      [a.actor, a.owner, theirs.id],
      [a.actor, a.owner, platformCoupon.id],
      [admin, platform, theirs.id],
    ] as const) {
      const e = await rejects(updateCoupon(t.deps, actor, owner, { id, amountOff: 1 }));
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "coupon.not_found"]);
    }
    const [after] = (await listCoupons(t.deps, b.owner, {})).items;
    expect(after).toMatchObject({ id: theirs.id, amountOff: 100 });
  });
});

describe("setCouponActive", () => {
  it("disables and re-enables, audited; customers are refused a disabled code", async () => {
    const { actor, owner, item } = await newShop();
    const c = await createCoupon(t.deps, actor, owner, { code: code(), kind: "fixed", amountOff: 1_000 });
    const off = await setCouponActive(t.deps, actor, owner, { id: c.id, active: false });
    expect([off.active, off.state]).toEqual([false, "disabled"]);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[item.id, 1]]);
    expect((await rejects(applyCoupon(t.deps, { userId: buyer.user.id }, { code: c.code }))).reason).toBe(
      "coupon.inactive",
    );
    const on = await setCouponActive(t.deps, actor, owner, { id: c.id, active: true });
    expect(on.state).toBe("active");
    expect(
      (await applyCoupon(t.deps, { userId: buyer.user.id }, { code: c.code })).cart.coupon,
    ).toMatchObject({
      applied: true,
      discount: 1_000,
    });
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual([
      "coupon.created",
      "coupon.disabled",
      "coupon.enabled",
    ]);
  });

  it("lets an admin disable any shop's coupon, and a seller none but their own", async () => {
    const admin = await newAdmin();
    const a = await newShop("A");
    const b = await newShop("B");
    const theirs = await createCoupon(t.deps, b.actor, b.owner, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
    });
    const e = await rejects(setCouponActive(t.deps, a.actor, a.owner, { id: theirs.id, active: false }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "coupon.not_found"]);
    const off = await setCouponActive(t.deps, admin, "any", { id: theirs.id, active: false });
    expect(off.state).toBe("disabled");
    expect((await auditOf(theirs.id)).at(-1)).toMatchObject({
      action: "coupon.disabled",
      actorId: admin.userId,
    });
  });
});

describe("listCoupons", () => {
  it("shows a seller their own coupons only, newest first, a page at a time", async () => {
    const a = await newShop("A");
    const b = await newShop("B");
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        await createCoupon(t.deps, a.actor, a.owner, { code: code(), kind: "fixed", amountOff: 100 + i }),
      );
      t.advance(1_000);
    }
    await createCoupon(t.deps, b.actor, b.owner, { code: code(), kind: "fixed", amountOff: 100 });
    const first = await listCoupons(t.deps, a.owner, { limit: 2 });
    const second = await listCoupons(t.deps, a.owner, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(made.map((c) => c.id).reverse());
    expect(second.nextCursor).toBeNull();
  });

  it("filters by state: active, scheduled, expired and disabled", async () => {
    const { actor, owner } = await newShop();
    const now = t.deps.now().getTime();
    const live = await createCoupon(t.deps, actor, owner, { code: code(), kind: "fixed", amountOff: 100 });
    const soon = await createCoupon(t.deps, actor, owner, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
      startsAt: new Date(now + 86_400_000),
    });
    const ending = await createCoupon(t.deps, actor, owner, {
      code: code(),
      kind: "fixed",
      amountOff: 100,
      endsAt: new Date(now + 60_000),
    });
    const off = await createCoupon(t.deps, actor, owner, { code: code(), kind: "fixed", amountOff: 100 });
    await setCouponActive(t.deps, actor, owner, { id: off.id, active: false });
    t.advance(120_000);
    const ids = async (state: "all" | "active" | "scheduled" | "expired" | "disabled") =>
      (await listCoupons(t.deps, owner, { state })).items.map((c) => c.id).sort();
    expect(await ids("active")).toEqual([live.id]);
    expect(await ids("scheduled")).toEqual([soon.id]);
    expect(await ids("expired")).toEqual([ending.id]);
    expect(await ids("disabled")).toEqual([off.id]);
    expect(await ids("all")).toEqual([live.id, soon.id, ending.id, off.id].sort());
    const states = Object.fromEntries(
      (await listCoupons(t.deps, owner, {})).items.map((c) => [c.id, c.state]),
    );
    expect(states).toEqual({
      [live.id]: "active",
      [soon.id]: "scheduled",
      [ending.id]: "expired",
      [off.id]: "disabled",
    });
  });

  it("lets an admin see every coupon, narrowed by scope and by a code search that takes % and _ literally", async () => {
    const admin = await newAdmin();
    const { actor, owner } = await newShop();
    const tag = code();
    const mine = await createCoupon(t.deps, admin, platform, {
      code: `${tag}_P`,
      kind: "fixed",
      amountOff: 100,
    });
    const shops = await createCoupon(t.deps, actor, owner, {
      code: `${tag}-S`,
      kind: "fixed",
      amountOff: 100,
    });
    const found = async (input: Parameters<typeof listCoupons>[2]) =>
      (await listCoupons(t.deps, "any", input)).items.map((c) => c.id).sort();
    expect(await found({ q: tag.toLowerCase() })).toEqual([mine.id, shops.id].sort());
    expect(await found({ q: tag, scope: "platform" })).toEqual([mine.id]);
    expect(await found({ q: tag, scope: "seller" })).toEqual([shops.id]);
    // "_" is a character to find, not a wildcard: it matches the platform code only.
    expect(await found({ q: `${tag}_` })).toEqual([mine.id]);
    expect(await found({ q: `${tag}%` })).toEqual([]);
    // The platform's own list (owner with no seller) leaves shops' coupons out.
    expect((await listCoupons(t.deps, platform, { q: tag })).items.map((c) => c.id)).toEqual([mine.id]);
  });
});
