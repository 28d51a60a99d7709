import { auditLog } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productBySlug } from "../catalog";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import {
  applySaleBoundary,
  cancelSaleEvent,
  createSaleEvent,
  listSaleEvents,
  updateSaleEvent,
} from "./index";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

const HOUR = 3_600_000;
/** A time `hours` from the context's clock now. */
const at = (hours: number) => new Date(t.deps.now().getTime() + hours * HOUR);

/** A shop of the test's own with two products of one variant each, at ₹1,000 and ₹2,000. */
async function newShop(name = "Ravi Textiles") {
  const shop = await fx.shop(name);
  const kurta = await fx.variant(shop, 100_000, 5, `${name} kurta`);
  const saree = await fx.variant(shop, 200_000, 5, `${name} saree`);
  return { shop, actor: shop.actor, kurta, saree };
}

/** What a shopper sees on the product page for its first variant. */
const onPage = async (item: { product: { slug: string } }) => {
  const [v] = (await productBySlug(t.deps, { slug: item.product.slug })).variants;
  return { price: v!.price, salePrice: v!.salePrice };
};

const auditOf = (id: string) =>
  t.deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "sale_event"), eq(auditLog.targetId, id)))
    .orderBy(auditLog.createdAt)
    .then((rows) => rows.map((r) => r.action));

describe("createSaleEvent and cancelSaleEvent", () => {
  it("shows a running sale's price on the product page until the sale is cancelled, audited", async () => {
    const { actor, kurta } = await newShop();
    const sale = await createSaleEvent(t.deps, actor, {
      name: "Diwali",
      startsAt: t.deps.now(),
      endsAt: at(24),
      items: [{ variantId: kurta.id, salePrice: 80_000 }],
    });
    expect(sale).toMatchObject({ name: "Diwali", state: "running", cancelledAt: null });
    expect(sale.items).toEqual([
      {
        variantId: kurta.id,
        productId: kurta.product.id,
        productTitle: "Ravi Textiles kurta",
        sku: kurta.variant.sku,
        price: 100_000,
        salePrice: 80_000,
      },
    ]);
    expect(await onPage(kurta)).toEqual({ price: 100_000, salePrice: 80_000 });

    const cancelled = await cancelSaleEvent(t.deps, actor, { id: sale.id });
    expect([cancelled.state, cancelled.cancelledAt]).toEqual(["cancelled", expect.any(Date)]);
    expect(await onPage(kurta)).toEqual({ price: 100_000, salePrice: null });
    // Cancelling again changes nothing and writes nothing.
    expect(await cancelSaleEvent(t.deps, actor, { id: sale.id })).toEqual(cancelled);
    expect(await auditOf(sale.id)).toEqual(["sale.created", "sale.cancelled"]);
  });

  it("schedules a later sale, which prices nothing until its start has passed", async () => {
    const { actor, kurta } = await newShop();
    const sale = await createSaleEvent(t.deps, actor, {
      name: "Weekend",
      startsAt: at(1),
      endsAt: at(3),
      items: [{ variantId: kurta.id, salePrice: 90_000 }],
    });
    expect(sale.state).toBe("scheduled");
    expect(await onPage(kurta)).toEqual({ price: 100_000, salePrice: null });
    t.advance(HOUR + 1_000);
    // The boundary job (run here by hand) refreshes the storefront as the sale starts.
    await applySaleBoundary(t.deps, sale.id);
    expect(await onPage(kurta)).toEqual({ price: 100_000, salePrice: 90_000 });
    expect((await listSaleEvents(t.deps, actor, { state: "running" })).items.map((s) => s.id)).toEqual([
      sale.id,
    ]);
  });

  it("refuses a sale that has already ended, a backwards window and a variant listed twice", async () => {
    const { actor, kurta } = await newShop();
    const past = await rejects(
      createSaleEvent(t.deps, actor, {
        name: "Yesterday",
        startsAt: at(-48),
        endsAt: at(-24),
        items: [{ variantId: kurta.id, salePrice: 90_000 }],
      }),
    );
    expect([past.code, past.reason, Object.keys(past.details?.fieldErrors as object)]).toEqual([
      "VALIDATION",
      "sale.ends_in_past",
      ["endsAt"],
    ]);
    await expect(
      createSaleEvent(t.deps, actor, {
        name: "Backwards",
        startsAt: at(2),
        endsAt: at(1),
        items: [{ variantId: kurta.id, salePrice: 90_000 }],
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["endsAt"] })] });
    await expect(
      createSaleEvent(t.deps, actor, {
        name: "Twice",
        startsAt: at(1),
        endsAt: at(2),
        items: [
          { variantId: kurta.id, salePrice: 90_000 },
          { variantId: kurta.id, salePrice: 80_000 },
        ],
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["items", 1, "variantId"] })] });
    expect((await listSaleEvents(t.deps, actor, {})).items).toEqual([]);
  });

  it("refuses a price not below the regular one, and another shop's variant, naming the item", async () => {
    const mine = await newShop("Mine");
    const theirs = await newShop("Theirs");
    const window = { startsAt: at(1), endsAt: at(2) };
    const notLower = await rejects(
      createSaleEvent(t.deps, mine.actor, {
        name: "Up",
        ...window,
        items: [
          { variantId: mine.kurta.id, salePrice: 90_000 },
          { variantId: mine.saree.id, salePrice: 200_000 },
        ],
      }),
    );
    expect([
      notLower.reason,
      notLower.details?.price,
      Object.keys(notLower.details?.fieldErrors as object),
    ]).toEqual(["sale.price_not_lower", 200_000, ["items.1.salePrice"]]);
    const foreign = await rejects(
      createSaleEvent(t.deps, mine.actor, {
        name: "Theirs",
        ...window,
        items: [{ variantId: theirs.kurta.id, salePrice: 50_000 }],
      }),
    );
    expect([foreign.reason, Object.keys(foreign.details?.fieldErrors as object)]).toEqual([
      "sale.variant_not_found",
      ["items.0.variantId"],
    ]);
  });
});

describe("overlapping sales", () => {
  it("gives a variant at most one sale at a time: back-to-back is fine, overlapping is not", async () => {
    const { actor, kurta, saree } = await newShop();
    const first = await createSaleEvent(t.deps, actor, {
      name: "Morning",
      startsAt: at(1),
      endsAt: at(2),
      items: [{ variantId: kurta.id, salePrice: 90_000 }],
    });
    const next = await createSaleEvent(t.deps, actor, {
      name: "Afternoon",
      startsAt: at(2),
      endsAt: at(3),
      items: [{ variantId: kurta.id, salePrice: 80_000 }],
    });
    const clash = await rejects(
      createSaleEvent(t.deps, actor, {
        name: "Lunch",
        startsAt: at(1.5),
        endsAt: at(2.5),
        items: [
          { variantId: saree.id, salePrice: 150_000 },
          { variantId: kurta.id, salePrice: 70_000 },
        ],
      }),
    );
    expect([clash.reason, clash.message, Object.keys(clash.details?.fieldErrors as object)]).toEqual([
      "sale.overlaps",
      'Already in the sale "Morning" at that time',
      ["items.1.variantId"],
    ]);
    // Another variant in the same window is free to go on sale.
    await createSaleEvent(t.deps, actor, {
      name: "Lunch",
      startsAt: at(1.5),
      endsAt: at(2.5),
      items: [{ variantId: saree.id, salePrice: 150_000 }],
    });
    // A sale does not clash with itself when its window moves, but does with its neighbour.
    const earlier = at(0.5);
    const moved = await updateSaleEvent(t.deps, actor, { id: first.id, startsAt: earlier });
    expect(moved.startsAt).toEqual(earlier);
    const later = at(2.5);
    const intoNext = await rejects(updateSaleEvent(t.deps, actor, { id: first.id, endsAt: later }));
    expect(intoNext.message).toBe('Already in the sale "Afternoon" at that time');
    // Once the neighbour is cancelled, its window is free.
    await cancelSaleEvent(t.deps, actor, { id: next.id });
    expect((await updateSaleEvent(t.deps, actor, { id: first.id, endsAt: later })).endsAt).toEqual(later);
  });
});

describe("updateSaleEvent", () => {
  it("renames and re-prices a running sale, moving the sale price from one product to another", async () => {
    const { actor, kurta, saree } = await newShop();
    const sale = await createSaleEvent(t.deps, actor, {
      name: "Festive",
      startsAt: t.deps.now(),
      endsAt: at(5),
      items: [{ variantId: kurta.id, salePrice: 90_000 }],
    });
    const updated = await updateSaleEvent(t.deps, actor, {
      id: sale.id,
      name: "Festive week",
      items: [{ variantId: saree.id, salePrice: 150_000 }],
    });
    expect([updated.name, updated.state, updated.items.map((i) => [i.variantId, i.salePrice])]).toEqual([
      "Festive week",
      "running",
      [[saree.id, 150_000]],
    ]);
    expect(await onPage(kurta)).toEqual({ price: 100_000, salePrice: null });
    expect(await onPage(saree)).toEqual({ price: 200_000, salePrice: 150_000 });
    expect(await auditOf(sale.id)).toEqual(["sale.created", "sale.updated"]);
  });

  it("refuses a window that would close before it opens", async () => {
    const { actor, kurta } = await newShop();
    const sale = await createSaleEvent(t.deps, actor, {
      name: "Later",
      startsAt: at(3),
      endsAt: at(4),
      items: [{ variantId: kurta.id, salePrice: 90_000 }],
    });
    const e = await rejects(updateSaleEvent(t.deps, actor, { id: sale.id, endsAt: at(2) }));
    expect([e.reason, Object.keys(e.details?.fieldErrors as object)]).toEqual([
      "sale.bad_window",
      ["endsAt"],
    ]);
  });

  it("leaves an ended or cancelled sale as it was", async () => {
    const { actor, kurta, saree } = await newShop();
    const ended = await createSaleEvent(t.deps, actor, {
      name: "Flash",
      startsAt: t.deps.now(),
      endsAt: at(1),
      items: [{ variantId: kurta.id, salePrice: 90_000 }],
    });
    const cancelled = await createSaleEvent(t.deps, actor, {
      name: "Called off",
      startsAt: at(5),
      endsAt: at(6),
      items: [{ variantId: saree.id, salePrice: 150_000 }],
    });
    await cancelSaleEvent(t.deps, actor, { id: cancelled.id });
    t.advance(HOUR + 1_000);
    for (const [id, message] of [
      [ended.id, "This sale has ended"],
      [cancelled.id, "This sale has been cancelled"],
    ] as const) {
      const e = await rejects(updateSaleEvent(t.deps, actor, { id, name: "Again" }));
      expect([e.code, e.reason, e.message]).toEqual(["INVALID_STATE", "sale.closed", message]);
    }
    const late = await rejects(cancelSaleEvent(t.deps, actor, { id: ended.id }));
    expect([late.code, late.reason]).toEqual(["INVALID_STATE", "sale.closed"]);
    const states = await listSaleEvents(t.deps, actor, {});
    expect(Object.fromEntries(states.items.map((s) => [s.name, s.state]))).toEqual({
      Flash: "ended",
      "Called off": "cancelled",
    });
  });
});

describe("listSaleEvents", () => {
  it("shows a seller their own sales only, newest first, by state and a page at a time", async () => {
    const mine = await newShop("Mine");
    const theirs = await newShop("Theirs");
    const made = [];
    for (const [i, startsIn] of [0, 1, 2].entries()) {
      made.push(
        await createSaleEvent(t.deps, mine.actor, {
          name: `Sale ${i}`,
          startsAt: startsIn === 0 ? t.deps.now() : at(startsIn * 10),
          endsAt: at(startsIn * 10 + 5),
          items: [{ variantId: mine.kurta.id, salePrice: 90_000 }],
        }),
      );
      t.advance(1_000);
    }
    const other = await createSaleEvent(t.deps, theirs.actor, {
      name: "Not yours",
      startsAt: at(1),
      endsAt: at(2),
      items: [{ variantId: theirs.kurta.id, salePrice: 90_000 }],
    });
    const first = await listSaleEvents(t.deps, mine.actor, { limit: 2 });
    const rest = await listSaleEvents(t.deps, mine.actor, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((s) => s.name)).toEqual(["Sale 2", "Sale 1", "Sale 0"]);
    expect(rest.nextCursor).toBeNull();
    const names = async (state: "running" | "scheduled" | "ended" | "cancelled") =>
      (await listSaleEvents(t.deps, mine.actor, { state })).items.map((s) => s.name);
    expect(await names("running")).toEqual(["Sale 0"]);
    expect(await names("scheduled")).toEqual(["Sale 2", "Sale 1"]);
    expect(await names("ended")).toEqual([]);
    // Someone else's sale is not found, whatever they try.
    for (const attempt of [
      () => updateSaleEvent(t.deps, mine.actor, { id: other.id, name: "Mine now" }),
      () => cancelSaleEvent(t.deps, mine.actor, { id: other.id }),
    ]) {
      const e = await rejects(attempt());
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "sale.not_found"]);
    }
  });
});
