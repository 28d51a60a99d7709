import { randomUUID } from "node:crypto";
import { media, products, reviews, reviewVotes, sellers } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceSubOrder } from "../orders/advance-sub-order";
import type { Actor } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { createTestContext, rejects, type TestContext } from "../testing";
import { orderFixture } from "../testing/order-fixture";
import { createReview } from "./create-review";
import { listMyReviews } from "./list-my-reviews";
import { listProductReviews } from "./list-product-reviews";
import { listSellerReviews } from "./list-seller-reviews";
import { removeReview } from "./remove-review";
import { replyToReview } from "./reply-to-review";
import { reviewEligibility } from "./review-eligibility";
import { reviewSummary } from "./review-summary";
import { setReviewStatus } from "./set-review-status";
import { updateReview } from "./update-review";
import { voteReview } from "./vote-review";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
type Shop = Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
type Buyer = Awaited<ReturnType<ReturnType<typeof orderFixture>["customer"]>>;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

const review = (
  productId: string,
  rating = 4,
  extra: Partial<{ title: string; body: string; photoIds: string[] }> = {},
) => ({
  productId,
  rating,
  title: extra.title ?? "Good value",
  body: extra.body ?? "Fits well and the colour is as shown.",
  photoIds: extra.photoIds,
});

/** The seller walks the buyer's part of the order to delivered, as the seller app does. */
async function deliver(shop: Shop, subOrderId: string) {
  await advanceSubOrder(t.deps, shop.actor, { subOrderId, to: "packed" });
  await advanceSubOrder(t.deps, shop.actor, {
    subOrderId,
    to: "shipped",
    carrier: "Delhivery",
    trackingNumber: "DLV123456",
  });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId, to: "out_for_delivery" });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId, to: "delivered" });
}

/** A buyer who received `variantIds` (one order, delivered part by part). */
async function receivedBy(shop: Shop, variantIds: string[], buyer?: Buyer) {
  const b = buyer ?? (await fx.customer());
  const order = await fx.checkout(
    b,
    variantIds.map((id) => [id, 1]),
  );
  for (const sub of order.subOrders) await deliver(shop, sub.id);
  return b;
}

/** The stored aggregates next to a recount from the reviews table. */
async function aggregates(productId: string, sellerId: string) {
  const [p] = await t.deps.db
    .select({ avg: products.ratingAvg, n: products.ratingCount })
    .from(products)
    .where(eq(products.id, productId));
  const [s] = await t.deps.db
    .select({ avg: sellers.ratingAvg, n: sellers.ratingCount })
    .from(sellers)
    .where(eq(sellers.id, sellerId));
  const [rp] = await rowsOf<{ avg: number | null; n: number }>(
    t.deps.db,
    sql`select avg(rating)::float8 as avg, count(*)::int as n from reviews where product_id = ${productId} and status = 'published'`,
  );
  const [rs] = await rowsOf<{ avg: number | null; n: number }>(
    t.deps.db,
    sql`select avg(rating)::float8 as avg, count(*)::int as n from reviews where seller_id = ${sellerId} and status = 'published'`,
  );
  return {
    stored: { product: [p!.avg, p!.n], shop: [s!.avg, s!.n] },
    recount: { product: [rp!.avg ?? 0, rp!.n], shop: [rs!.avg ?? 0, rs!.n] },
  };
}
const close = (a: number[], b: number[]) => Math.abs(a[0]! - b[0]!) < 1e-9 && a[1] === b[1];
async function expectConsistent(productId: string, sellerId: string) {
  const a = await aggregates(productId, sellerId);
  expect(close(a.stored.product, a.recount.product), JSON.stringify(a)).toBe(true);
  expect(close(a.stored.shop, a.recount.shop), JSON.stringify(a)).toBe(true);
  return a.recount;
}

async function upload(owner: string) {
  const key = `reviews/${randomUUID()}.png`;
  const [m] = await t.deps.db
    .insert(media)
    .values({ ownerId: owner, storeKey: key, url: `/media/${key}`, contentType: "image/png", bytes: 9 })
    .returning();
  return m!;
}

describe("verified purchase", () => {
  it("lets only a buyer who received the product review it, once, and tells the shop", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 50, "Cotton kurta");
    const saree = await fx.variant(shop, 250_000, 50, "Silk saree");

    const stranger = await fx.customer();
    const notBought = await rejects(createReview(t.deps, stranger.actor, review(kurta.product.id)));
    expect([notBought.code, notBought.reason]).toEqual(["FORBIDDEN", "review.not_verified_purchase"]);

    // Ordered but still on its way.
    const waiting = await fx.customer();
    await fx.checkout(waiting, [[kurta.id, 1]]);
    const notDelivered = await rejects(createReview(t.deps, waiting.actor, review(kurta.product.id)));
    expect([notDelivered.code, notDelivered.reason]).toEqual(["FORBIDDEN", "review.not_verified_purchase"]);
    expect(await reviewEligibility(t.deps, waiting.actor, { productId: kurta.product.id })).toMatchObject({
      canReview: false,
      reason: "not_delivered",
      review: null,
    });

    // Received the saree, not the kurta.
    const buyer = await receivedBy(shop, [saree.id]);
    const otherProduct = await rejects(createReview(t.deps, buyer.actor, review(kurta.product.id)));
    expect([otherProduct.code, otherProduct.reason]).toEqual(["FORBIDDEN", "review.not_verified_purchase"]);
    expect(await reviewEligibility(t.deps, buyer.actor, { productId: saree.product.id })).toMatchObject({
      canReview: true,
      reason: null,
    });

    const photo = await upload(buyer.user.id);
    const created = await createReview(
      t.deps,
      buyer.actor,
      review(saree.product.id, 5, { title: "Beautiful", photoIds: [photo.id] }),
    );
    expect(created).toMatchObject({
      rating: 5,
      title: "Beautiful",
      status: "published",
      verifiedPurchase: true,
      mine: true,
      authorName: "Anita R.",
      photos: [{ mediaId: photo.id, url: photo.url }],
      product: { id: saree.product.id, title: "Silk saree" },
    });
    const [row] = await t.deps.db.select().from(reviews).where(eq(reviews.id, created.id));
    expect(row!.orderItemId).not.toBeNull();
    expect((await t.lastEmailTo(shop.contactEmail, { subject: /review/ })).subject).toBe(
      "New 5 stars review of Silk saree",
    );

    const again = await rejects(createReview(t.deps, buyer.actor, review(saree.product.id, 1)));
    expect([again.code, again.reason, again.details?.reviewId]).toEqual([
      "CONFLICT",
      "review.already_reviewed",
      created.id,
    ]);
    expect(await reviewEligibility(t.deps, buyer.actor, { productId: saree.product.id })).toMatchObject({
      canReview: false,
      reason: "already_reviewed",
      review: { id: created.id },
    });
    expect((await listMyReviews(t.deps, buyer.actor, { productIds: [saree.product.id] })).items).toHaveLength(
      1,
    );
  });

  it("refuses photos the reviewer did not upload, naming the field", async () => {
    const shop = await fx.shop("Photo Shop");
    const lamp = await fx.variant(shop, 30_000, 10, "Brass lamp");
    const buyer = await receivedBy(shop, [lamp.id]);
    const someoneElses = await upload(shop.userId);
    const e = await rejects(
      createReview(t.deps, buyer.actor, review(lamp.product.id, 4, { photoIds: [someoneElses.id] })),
    );
    expect([e.code, e.reason, Object.keys(e.details?.fieldErrors ?? {})]).toEqual([
      "VALIDATION",
      "review.photo_not_found",
      ["photoIds"],
    ]);
  });

  it("two creates at once by one buyer: one review, the other a conflict", async () => {
    const shop = await fx.shop("Race Shop");
    const mug = await fx.variant(shop, 20_000, 10, "Clay mug");
    const buyer = await receivedBy(shop, [mug.id]);
    const results = await Promise.allSettled(
      [5, 1, 3].map((rating) => createReview(t.deps, buyer.actor, review(mug.product.id, rating))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused.map((e) => [e.code, e.reason])).toEqual([
      ["CONFLICT", "review.already_reviewed"],
      ["CONFLICT", "review.already_reviewed"],
    ]);
    const recount = await expectConsistent(mug.product.id, shop.id);
    expect(recount.product[1]).toBe(1);
  });
});

describe("rating aggregates", () => {
  it("equal a recount after concurrent creates, edits, deletions and hiding", async () => {
    const shop = await fx.shop("Busy Shop");
    const shawl = await fx.variant(shop, 150_000, 100, "Pashmina shawl");
    const stole = await fx.variant(shop, 90_000, 100, "Wool stole");
    const buyers: Buyer[] = [];
    for (let i = 0; i < 12; i++) buyers.push(await receivedBy(shop, [shawl.id, stole.id]));

    // Every buyer reviews both products at once.
    const created = await Promise.all(
      buyers.flatMap((b, i) => [
        createReview(t.deps, b.actor, review(shawl.product.id, (i % 5) + 1)),
        createReview(t.deps, b.actor, review(stole.product.id, ((i + 2) % 5) + 1)),
      ]),
    );
    let recount = await expectConsistent(shawl.product.id, shop.id);
    expect(recount.product[1]).toBe(12);
    expect(recount.shop[1]).toBe(24);
    await expectConsistent(stole.product.id, shop.id);

    const shawlReviews = created.filter((r) => r.productId === shawl.product.id);
    const stoleReviews = created.filter((r) => r.productId === stole.product.id);
    // Edits, deletions and an admin hiding, all at once on both products.
    await Promise.all([
      ...shawlReviews
        .slice(0, 4)
        .map((r, i) => updateReview(t.deps, buyers[i]!.actor, { reviewId: r.id, rating: 1 })),
      ...shawlReviews
        .slice(4, 7)
        .map((r, i) => removeReview(t.deps, buyers[i + 4]!.actor, { reviewId: r.id })),
      ...shawlReviews.slice(7, 9).map((r) => setReviewStatus(t.deps, r.id, "hidden")),
      ...stoleReviews
        .slice(0, 5)
        .map((r, i) => updateReview(t.deps, buyers[i]!.actor, { reviewId: r.id, rating: 5 })),
      ...stoleReviews
        .slice(5, 8)
        .map((r, i) => removeReview(t.deps, buyers[i + 5]!.actor, { reviewId: r.id })),
    ]);
    recount = await expectConsistent(shawl.product.id, shop.id);
    expect(recount.product[1]).toBe(12 - 3 - 2);
    expect(recount.shop[1]).toBe(7 + 9);
    await expectConsistent(stole.product.id, shop.id);

    // Hidden reviews leave the storefront; publishing again brings them back, idempotently.
    expect((await setReviewStatus(t.deps, shawlReviews[7]!.id, "hidden")).changed).toBe(false);
    const visible = await listProductReviews(t.deps, null, { productId: shawl.product.id, limit: 50 });
    expect(visible.items.map((r) => r.id)).not.toContain(shawlReviews[7]!.id);
    expect((await reviewSummary(t.deps, { productId: shawl.product.id })).count).toBe(7);
    await setReviewStatus(t.deps, shawlReviews[7]!.id, "published");
    recount = await expectConsistent(shawl.product.id, shop.id);
    expect(recount.product[1]).toBe(8);
    const summary = await reviewSummary(t.deps, { productId: shawl.product.id });
    expect(summary.count).toBe(8);
    expect(summary.average).toBe(Math.round(recount.product[0]! * 10) / 10);
    expect(summary.histogram.map((b) => b.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(summary.histogram.reduce((n, b) => n + b.count, 0)).toBe(8);
  });

  it("lets only the author edit or delete a review", async () => {
    const shop = await fx.shop("Owner Shop");
    const rug = await fx.variant(shop, 120_000, 10, "Jaipur rug");
    const author = await receivedBy(shop, [rug.id]);
    const other = await receivedBy(shop, [rug.id]);
    const r = await createReview(t.deps, author.actor, review(rug.product.id, 2));
    for (const attempt of [
      () => updateReview(t.deps, other.actor, { reviewId: r.id, rating: 5 }),
      () => removeReview(t.deps, other.actor, { reviewId: r.id }),
    ]) {
      const e = await rejects(attempt());
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "review.not_found"]);
    }
    const edited = await updateReview(t.deps, author.actor, {
      reviewId: r.id,
      title: "Changed my mind",
      rating: 4,
    });
    expect(edited).toMatchObject({ title: "Changed my mind", rating: 4, body: r.body });
    expect((await aggregates(rug.product.id, shop.id)).stored.product).toEqual([4, 1]);
    await removeReview(t.deps, author.actor, { reviewId: r.id });
    expect((await aggregates(rug.product.id, shop.id)).stored.product).toEqual([0, 0]);
  });
});

describe("helpful votes", () => {
  it("one per user, toggling, exact under concurrency, never on one's own review", async () => {
    const shop = await fx.shop("Vote Shop");
    const pen = await fx.variant(shop, 5_000, 10, "Ink pen");
    const author = await receivedBy(shop, [pen.id]);
    const r = await createReview(t.deps, author.actor, review(pen.product.id, 5));
    const voters: Actor[] = [];
    for (let i = 0; i < 10; i++) voters.push((await fx.customer()).actor);

    // Everyone votes, the first voter three times over, all at once.
    await Promise.all([
      ...voters.map((v) => voteReview(t.deps, v, { reviewId: r.id, helpful: true })),
      voteReview(t.deps, voters[0]!, { reviewId: r.id, helpful: true }),
      voteReview(t.deps, voters[0]!, { reviewId: r.id, helpful: true }),
    ]);
    const count = async () => {
      const [row] = await t.deps.db
        .select({ n: reviews.helpfulCount })
        .from(reviews)
        .where(eq(reviews.id, r.id));
      const votes = await t.deps.db.select().from(reviewVotes).where(eq(reviewVotes.reviewId, r.id));
      return [row!.n, votes.length];
    };
    expect(await count()).toEqual([10, 10]);

    // Half take it back while the other half vote again.
    await Promise.all(voters.map((v, i) => voteReview(t.deps, v, { reviewId: r.id, helpful: i % 2 === 1 })));
    expect(await count()).toEqual([5, 5]);
    const page = await listProductReviews(t.deps, voters[1]!, { productId: pen.product.id });
    expect(page.items[0]).toMatchObject({ id: r.id, helpfulCount: 5, votedHelpful: true, mine: false });
    expect(
      (await listProductReviews(t.deps, voters[0]!, { productId: pen.product.id })).items[0]!.votedHelpful,
    ).toBe(false);

    const own = await rejects(voteReview(t.deps, author.actor, { reviewId: r.id, helpful: true }));
    expect([own.code, own.reason]).toEqual(["FORBIDDEN", "review.own_review"]);
    await setReviewStatus(t.deps, r.id, "hidden");
    const hidden = await rejects(voteReview(t.deps, voters[2]!, { reviewId: r.id, helpful: true }));
    expect([hidden.code, hidden.reason]).toEqual(["NOT_FOUND", "review.not_found"]);
  });
});

describe("seller replies", () => {
  it("the product's shop replies once and edits it; another shop is refused; the buyer is emailed", async () => {
    const shop = await fx.shop("Reply Shop");
    const rival = await fx.shop("Rival Shop");
    const bag = await fx.variant(shop, 60_000, 10, "Jute bag");
    const buyer = await receivedBy(shop, [bag.id]);
    const r = await createReview(t.deps, buyer.actor, review(bag.product.id, 3));

    const foreign = await rejects(
      replyToReview(t.deps, rival.actor, { reviewId: r.id, body: "Not our product" }),
    );
    expect([foreign.code, foreign.reason]).toEqual(["NOT_FOUND", "review.not_found"]);
    expect((await listSellerReviews(t.deps, rival.actor, {})).items).toEqual([]);
    expect((await listSellerReviews(t.deps, shop.actor, { unreplied: true })).items.map((x) => x.id)).toEqual(
      [r.id],
    );

    const replied = await replyToReview(t.deps, shop.actor, {
      reviewId: r.id,
      body: "Thank you for the feedback!",
    });
    expect(replied).toMatchObject({
      sellerReply: { body: "Thank you for the feedback!" },
      product: { id: bag.product.id },
    });
    expect((await t.lastEmailTo(buyer.user.email, { subject: /replied/ })).text).toContain(
      "Thank you for the feedback!",
    );
    const edited = await replyToReview(t.deps, shop.actor, {
      reviewId: r.id,
      body: "Thanks! A fix is on its way.",
    });
    expect(edited.sellerReply?.body).toBe("Thanks! A fix is on its way.");
    expect((await t.lastEmailTo(buyer.user.email, { subject: /updated its reply/ })).text).toContain(
      "A fix is on its way",
    );

    expect((await listSellerReviews(t.deps, shop.actor, { unreplied: true })).items).toEqual([]);
    const onPage = await listProductReviews(t.deps, null, { productId: bag.product.id });
    expect(onPage.items[0]!.sellerReply?.body).toBe("Thanks! A fix is on its way.");
    expect(JSON.stringify(onPage)).not.toContain(buyer.user.email);
  });
});

describe("the product page list", () => {
  it("sorts by helpful, newest, highest and lowest, and pages without gaps or repeats", async () => {
    const shop = await fx.shop("Sort Shop");
    const tea = await fx.variant(shop, 40_000, 20, "Assam tea");
    const ratings = [3, 5, 1, 4, 2, 5, 3];
    const made: { id: string; rating: number; helpful: number; at: number }[] = [];
    const voters: Actor[] = [];
    for (let i = 0; i < 4; i++) voters.push((await fx.customer()).actor);
    for (const [i, rating] of ratings.entries()) {
      const b = await receivedBy(shop, [tea.id]);
      const r = await createReview(t.deps, b.actor, review(tea.product.id, rating));
      const helpful = i % 4;
      for (const v of voters.slice(0, helpful))
        await voteReview(t.deps, v, { reviewId: r.id, helpful: true });
      made.push({ id: r.id, rating, helpful, at: r.createdAt.getTime() });
    }
    const byNewest = (a: (typeof made)[0], b: (typeof made)[0]) => b.at - a.at || (a.id < b.id ? 1 : -1);
    const expected = {
      helpful: [...made].sort((a, b) => b.helpful - a.helpful || byNewest(a, b)),
      newest: [...made].sort(byNewest),
      highest: [...made].sort((a, b) => b.rating - a.rating || byNewest(a, b)),
      lowest: [...made].sort((a, b) => a.rating - b.rating || byNewest(a, b)),
    };
    for (const sort of ["helpful", "newest", "highest", "lowest"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const p = await listProductReviews(t.deps, null, {
          productId: tea.product.id,
          sort,
          limit: 2,
          cursor,
        });
        seen.push(...p.items.map((r) => r.id));
        if (!p.nextCursor) break;
        cursor = p.nextCursor;
      }
      expect(seen, sort).toEqual(expected[sort].map((r) => r.id));
    }
    const bad = await rejects(
      listProductReviews(t.deps, null, { productId: tea.product.id, cursor: "bm9wZQ" }),
    );
    expect([bad.code, bad.reason]).toEqual(["VALIDATION", "pagination.bad_cursor"]);
  });

  it("shows nothing for a product that is not on sale", async () => {
    const shop = await fx.shop("Hidden Shop");
    const cap = await fx.variant(shop, 10_000, 10, "Wool cap");
    const buyer = await receivedBy(shop, [cap.id]);
    // Not reviewed yet: an empty list and five empty bars.
    expect(await listProductReviews(t.deps, null, { productId: cap.product.id })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await reviewSummary(t.deps, { productId: cap.product.id })).toMatchObject({
      average: 0,
      count: 0,
      histogram: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: 0 })),
    });
    await createReview(t.deps, buyer.actor, review(cap.product.id, 4));
    await t.deps.db.update(products).set({ status: "archived" }).where(eq(products.id, cap.product.id));
    for (const call of [
      () => listProductReviews(t.deps, null, { productId: cap.product.id }),
      () => reviewSummary(t.deps, { productId: cap.product.id }),
    ]) {
      const e = await rejects(call());
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "product.not_found"]);
    }
  });
});
