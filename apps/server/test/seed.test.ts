import { findCouponByCode, getMySeller, getShopBySlug } from "@bazaar/core";
import { createTestContext, signInForTest as login, type TestContext } from "@bazaar/core/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COUPON, DEMO_PASSWORD, seedDemo } from "../src/seed";

let t: TestContext;
/** What the first seeding answered: both tests read the seeded data, in either order. */
let firstSeed: boolean;
beforeAll(async () => {
  t = await createTestContext();
  firstSeed = await seedDemo(t.deps);
});
afterAll(() => t.close());

const actorFor = async (email: string) => {
  const s = await login(t.deps, { ip: null, userAgent: null }, { email, password: DEMO_PASSWORD });
  return { userId: s.user.id, role: s.user.role, sessionId: s.sessionId };
};

describe("demo seed", () => {
  it("gives the demo sellers open shops and the applicant a pending application, once", async () => {
    expect(firstSeed).toBe(true);
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

describe("demo reviews", () => {
  it("rates the demo catalogue from real reviews of delivered orders, so every star can be read", async () => {
    const rows = async <T>(q: ReturnType<typeof sql>) =>
      ((await t.deps.db.execute(q)) as unknown as { rows: T[] }).rows;
    const [counts] = await rows<{ reviews: number; unverified: number; rated: number; replies: number }>(sql`
      select (select count(*)::int from reviews) as reviews,
        (select count(*)::int from reviews r where r.order_item_id is null
           or not exists (select 1 from order_items oi join sub_orders so on so.id = oi.sub_order_id
             join orders o on o.id = so.order_id
             where oi.id = r.order_item_id and so.status = 'delivered' and o.customer_id = r.customer_id
               and oi.product_id = r.product_id)) as unverified,
        (select count(*)::int from products where rating_count > 0) as rated,
        (select count(*)::int from reviews where seller_reply is not null) as replies`);
    expect(counts!.reviews).toBeGreaterThanOrEqual(50);
    expect(counts!.unverified).toBe(0);
    expect(counts!.rated).toBeGreaterThanOrEqual(20);
    expect(counts!.replies).toBeGreaterThan(0);
    // Every product's and shop's stars are exactly its published reviews.
    const drift = await rows<{ id: string }>(sql`
      select p.id from products p
      left join (select product_id, count(*)::int as n, avg(rating)::float8 as avg from reviews
                 where status = 'published' group by product_id) r on r.product_id = p.id
      where p.rating_count <> coalesce(r.n, 0) or abs(p.rating_avg - coalesce(r.avg, 0)) > 1e-9
      union all
      select s.id from sellers s
      left join (select seller_id, count(*)::int as n, avg(rating)::float8 as avg from reviews
                 where status = 'published' group by seller_id) r on r.seller_id = s.id
      where s.rating_count <> coalesce(r.n, 0) or abs(s.rating_avg - coalesce(r.avg, 0)) > 1e-9`);
    expect(drift).toEqual([]);
    const before = counts!.reviews;
    expect(await seedDemo(t.deps)).toBe(false);
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from reviews`);
    expect(after!.n).toBe(before);
  });
});

describe("later starts", () => {
  it("read one row: demo data an admin deleted stays deleted, until the demo's version changes", async () => {
    expect(firstSeed).toBe(true);
    const couponCount = async () =>
      Number(
        (
          (await t.deps.db.execute(
            sql`select count(*)::int as n from coupons where code = ${DEMO_COUPON}`,
          )) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
    await t.deps.db.execute(sql`delete from coupons where code = ${DEMO_COUPON}`);
    expect(await seedDemo(t.deps)).toBe(false);
    expect(await couponCount()).toBe(0);
    // A demo of another version (one that gained a part) checks every part again.
    await t.deps.db.execute(sql`update settings set value = '{"version": 0}' where key = 'demo.seeded'`);
    expect(await seedDemo(t.deps)).toBe(true);
    expect(await couponCount()).toBe(1);
    expect(await seedDemo(t.deps)).toBe(false);
  });
});
