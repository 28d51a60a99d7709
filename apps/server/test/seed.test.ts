import { findCouponByCode, getMySeller, getShopBySlug, login } from "@bazaar/core";
import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COUPON, DEMO_PASSWORD, seedDemo } from "../src/seed";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const actorFor = async (email: string) => {
  const s = await login(t.deps, { ip: null, userAgent: null }, { email, password: DEMO_PASSWORD });
  return { userId: s.user.id, role: s.user.role, sessionId: s.sessionId };
};

describe("demo seed", () => {
  it("gives the demo sellers open shops and the applicant a pending application, once", async () => {
    expect(await seedDemo(t.deps)).toBe(true);
    expect(await seedDemo(t.deps)).toBe(false);
    expect(await findCouponByCode(t.deps.db, DEMO_COUPON)).toMatchObject({
      kind: "percent",
      percentBps: 1000,
      active: true,
    });

    for (const [email, slug] of [
      ["seller1@bazaar.local", "ravi-textiles"],
      ["seller2@bazaar.local", "meera-handicrafts"],
    ] as const) {
      const actor = await actorFor(email);
      expect(actor.role).toBe("seller");
      expect(await getMySeller(t.deps, actor)).toMatchObject({ slug, status: "approved" });
      expect((await getShopBySlug(t.deps, { slug })).slug).toBe(slug);
    }
    const kiran = await actorFor("pending-seller@bazaar.local");
    expect(kiran.role).toBe("customer");
    expect(await getMySeller(t.deps, kiran)).toMatchObject({ slug: "kiran-organics", status: "pending" });
    await expect(getShopBySlug(t.deps, { slug: "kiran-organics" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
