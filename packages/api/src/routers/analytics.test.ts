import { randomUUID } from "node:crypto";
import { createShopForSeed, createVerifiedUser } from "@bazaar/core";
import { createTestContext, orderFixture, type TestContext } from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { clientError, testHttp } from "../testing/http";
import { signInViaApi } from "../testing/sign-in";

let t: TestContext;
const api = (accessToken: string | null = null) =>
  createCaller({ deps: t.deps, http: testHttp({ accessToken }) });
const PASSWORD = "pass-word-1";

async function account(role: "customer" | "admin") {
  const email = `${role}-${randomUUID()}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name: "Meera Shah", password: PASSWORD, role });
  return { userId: user.id, email };
}
const login = async (email: string) =>
  (await signInViaApi(t.deps, api(), { email, password: PASSWORD })).accessToken;

/** An approved shop whose owner is signed in. */
async function sellerSession() {
  const owner = await account("customer");
  const { seller } = await createShopForSeed(t.deps, {
    userId: owner.userId,
    status: "approved",
    shopName: `Analytics Shop ${randomUUID().slice(0, 6)}`,
    contactEmail: owner.email,
    contactPhone: "9829012345",
    pickupAddress: {
      name: "Meera Shah",
      phone: "9829012345",
      line1: "1 Amer Road",
      city: "Jaipur",
      state: "Rajasthan",
      pincode: "302002",
    },
    bankAccount: { holder: "Meera Shah", number: "123456789012", ifsc: "SBIN0031234" },
  });
  return { sellerId: seller.id, token: await login(owner.email) };
}

const todayIst = () => new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("analytics procedures", () => {
  it("answer a bad range with an error on the field: from after to, over two years, not a date", async () => {
    const { token } = await sellerSession();
    const c = api(token);
    const cases: [() => Promise<unknown>, Record<string, string[]>][] = [
      [
        () => c.seller.analytics.dashboard({ from: "2026-03-10", to: "2026-03-01" }),
        { to: ["To must be on or after From"] },
      ],
      [
        () => c.seller.analytics.dashboard({ from: "2024-01-01", to: "2026-01-01" }),
        { to: ["The range can be at most 2 years (731 days)"] },
      ],
      [
        () => c.seller.analytics.topProducts({ from: "2026-02-30", to: "2026-03-01" }),
        { from: ["From is not a real calendar date"] },
      ],
      [
        () => c.seller.analytics.dashboard({ from: "10/03/2026", to: "2026-03-31" }),
        { from: ["From must be a date like 2026-03-31, in the years 2000 to 2099"] },
      ],
      [
        // @ts-expect-error: a granularity the API does not offer
        () => c.seller.analytics.dashboard({ from: "2026-03-01", to: "2026-03-31", granularity: "year" }),
        { granularity: ["Choose day, week or month"] },
      ],
      [
        () => c.seller.analytics.topProducts({ from: "2026-03-01", to: "2026-03-31", limit: 0 }),
        { limit: ["Limit is 1 to 50"] },
      ],
    ];
    for (const [call, fieldErrors] of cases) {
      const e = await clientError(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.fieldErrors).toEqual(fieldErrors);
    }
    // Two years to the day (731 days, both ends counted) is allowed.
    const ok = await c.seller.analytics.dashboard({
      from: "2024-01-01",
      to: "2025-12-31",
      granularity: "month",
    });
    expect(ok.period).toEqual({ from: "2024-01-01", to: "2025-12-31", days: 731 });
    expect(ok.series).toHaveLength(24);
  });

  it("a seller sees only their own shop; the admin sees the platform", async () => {
    const a = await sellerSession();
    const b = await sellerSession();
    const fx = orderFixture(t);
    const item = await fx.variant({ id: a.sellerId }, 25_000, 10, "Brass lamp");
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[item.id, 2]]);
    const range = { from: todayIst(), to: todayIst() };

    const mine = await api(a.token).seller.analytics.dashboard(range);
    expect(mine.kpis.orders.value).toBe(1);
    expect(mine.kpis.revenue.value).toBe(order.total);
    expect((await api(a.token).seller.analytics.topProducts(range)).map((p) => p.title)).toEqual([
      "Brass lamp",
    ]);

    const theirs = await api(b.token).seller.analytics.dashboard(range);
    expect(theirs.kpis.orders.value).toBe(0);
    expect(theirs.kpis.revenue.value).toBe(0);
    expect(await api(b.token).seller.analytics.topProducts(range)).toEqual([]);

    const adminToken = await login((await account("admin")).email);
    const platform = await api(adminToken).admin.analytics.dashboard(range);
    expect(platform.kpis.gmv.value).toBeGreaterThanOrEqual(order.total);
    const shops = await api(adminToken).admin.analytics.topShops({ ...range, limit: 50 });
    expect(shops.find((s) => s.sellerId === a.sellerId)).toMatchObject({ revenue: order.total, orders: 1 });
    expect(shops.find((s) => s.sellerId === b.sellerId)).toBeUndefined();
    const home = await api(adminToken).admin.analytics.home();
    expect(home.today.kpis.orders.value).toBe(platform.kpis.orders.value);

    // Neither a customer nor a seller reaches the admin's figures.
    expect((await clientError(api(a.token).admin.analytics.home())).code).toBe("FORBIDDEN");
    expect(
      (
        await clientError(
          api(await login((await account("customer")).email)).seller.analytics.dashboard(range),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
