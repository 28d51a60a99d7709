import {
  type Actor,
  addCartItem,
  advanceSubOrder,
  clearCart,
  createAddress,
  createReview,
  createVerifiedUser,
  type Deps,
  placeOrder,
  replyToReview,
  type SellerActor,
  userExists,
  voteReview,
} from "@bazaar/core";
import { sql } from "drizzle-orm";

/**
 * The demo store's ratings are real: demo customers buy products, the shops deliver, and the
 * buyers review what they received, all through the same use cases the apps call (cart,
 * checkout, the seller's delivery steps, createReview, replies and helpful votes). So every
 * star on the storefront is a review someone can read, and products.rating_avg/rating_count
 * are what createReview maintained.
 */

/** Who buys and reviews: the two demo customers and a few more shoppers (same demo password). */
export const DEMO_REVIEWERS = [
  { email: "customer1@bazaar.local", name: "Priya Customer" },
  { email: "customer2@bazaar.local", name: "Arjun Customer" },
  { email: "neha.sharma@bazaar.local", name: "Neha Sharma" },
  { email: "vikram.singh@bazaar.local", name: "Vikram Singh" },
  { email: "ananya.iyer@bazaar.local", name: "Ananya Iyer" },
  { email: "rohan.das@bazaar.local", name: "Rohan Das" },
  { email: "fatima.khan@bazaar.local", name: "Fatima Khan" },
  { email: "suresh.nair@bazaar.local", name: "Suresh Nair" },
] as const;

/** The most popular products get the reviews: POOL of them, PER_BUYER bought by each reviewer. */
const POOL = 32;
const PER_BUYER = 8;
/** Cash on delivery stops at ₹50,000 an order: a demo order stays well under it. */
const ORDER_CAP = 3_000_000;

/** Mostly happy buyers, a few unhappy ones: 5★ 45%, 4★ 30%, 3★ 12%, 2★ 7%, 1★ 6% (by index). */
const RATINGS = [5, 4, 5, 3, 5, 4, 5, 4, 2, 5, 4, 5, 1, 4, 5, 3, 4, 5, 5, 4];
const WORDS: Record<number, { title: string; body: string }[]> = {
  5: [
    {
      title: "Exactly as pictured",
      body: "Beautiful finish and the colour is just like the photos. Packed with care, arrived early.",
    },
    {
      title: "Worth every rupee",
      body: "Lovely craftsmanship. I have already ordered another one as a gift for my sister.",
    },
    {
      title: "Superb quality",
      body: "Feels sturdy and well made. The seller also added a handwritten thank-you note.",
    },
  ],
  4: [
    {
      title: "Very good, small niggle",
      body: "Good quality for the price. Delivery took a day longer than promised, otherwise happy.",
    },
    {
      title: "Nice product",
      body: "Looks good and does the job. The colour is a shade lighter than on my screen.",
    },
  ],
  3: [
    {
      title: "Okay for the price",
      body: "Decent, but the finishing could be better at the edges. Usable for everyday.",
    },
  ],
  2: [
    {
      title: "Not as described",
      body: "The size was smaller than listed and the fabric feels thinner than I expected.",
    },
  ],
  1: [
    {
      title: "Disappointed",
      body: "Arrived with a small crack on one side. Packaging was not enough for the journey.",
    },
  ],
};
const REPLIES: Record<number, string> = {
  1: "We are sorry it reached you damaged. Please raise a return from your order page and we will replace it at once.",
  2: "Thank you for telling us. We have corrected the size chart on the listing.",
  3: "Thanks for the honest feedback; we have passed it to our artisans.",
};

type PoolRow = { id: string; seller_id: string; owner_id: string; variant_id: string; price: number };

/**
 * Idempotent: does nothing once any product of these shops has a review. Products of these
 * shops that carry ratings without reviews (a database seeded before reviews existed) are
 * set back to none first. Returns how many reviews it wrote.
 */
export async function seedDemoReviews(deps: Deps, options: { sellerIds: string[] }): Promise<number> {
  const { sellerIds } = options;
  if (sellerIds.length === 0) return 0;
  const ids = sql.join(
    sellerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await deps.db.execute(q)) as unknown as { rows: T[] }).rows;
  const [reviewed] = await rows<{ n: number }>(
    sql`select count(*)::int as n from reviews where seller_id in (${ids})`,
  );
  if ((reviewed?.n ?? 0) > 0) return 0;
  const pool = await rows<PoolRow>(sql`
    select p.id, p.seller_id, s.user_id as owner_id, v.id as variant_id, v.price
    from products p join sellers s on s.id = p.seller_id
    cross join lateral (select id, price from product_variants
      where product_id = p.id and active and stock >= ${DEMO_REVIEWERS.length}
      order by price, position limit 1) v
    where p.seller_id in (${ids}) and p.status = 'approved' and s.status = 'approved'
      and v.price <= ${ORDER_CAP}
    order by p.sold_count desc, p.id
    limit ${POOL}`);
  if (pool.length === 0) return 0;
  // Ratings the catalogue was seeded with before they came from reviews.
  await deps.db.execute(sql`
    update products set rating_avg = 0, rating_count = 0 where seller_id in (${ids})`);
  await deps.db.execute(sql`update sellers set rating_avg = 0, rating_count = 0 where id in (${ids})`);

  const buyers: Actor[] = [];
  for (const r of DEMO_REVIEWERS) {
    if (!(await userExists(deps.db, r.email)))
      await createVerifiedUser(deps, {
        email: r.email,
        name: r.name,
        password: "bazaar-demo-1",
        role: "customer",
      });
    const [u] = await rows<{ id: string }>(sql`select id from users where email = ${r.email}`);
    buyers.push({ userId: u!.id, role: "customer", sessionId: "seed" });
  }

  const bought: { buyer: Actor; product: PoolRow }[] = [];
  for (const [i, buyer] of buyers.entries()) {
    // A stride of 4 over a pool of 32 gives 8 different products; the offset spreads buyers out.
    const mine = Array.from({ length: PER_BUYER }, (_, k) => pool[(i * 5 + k * 4) % pool.length]!);
    const unique = [...new Map(mine.map((p) => [p.id, p])).values()];
    await buyAndReceive(deps, buyer, unique);
    for (const product of unique) bought.push({ buyer, product });
  }

  let written = 0;
  const reviewIds: { id: string; author: Actor; rating: number; shop: SellerActor }[] = [];
  for (const [n, { buyer, product }] of bought.entries()) {
    const rating = RATINGS[n % RATINGS.length]!;
    const words = WORDS[rating]![n % WORDS[rating]!.length]!;
    const r = await createReview(deps, buyer, { productId: product.id, rating, ...words });
    reviewIds.push({ id: r.id, author: buyer, rating, shop: shopActor(product) });
    written++;
  }
  // The shops answer their unhappy buyers; the other buyers find some reviews helpful.
  for (const [n, r] of reviewIds.entries()) {
    const reply = REPLIES[r.rating];
    if (reply) await replyToReview(deps, r.shop, { reviewId: r.id, body: reply });
    for (const voter of buyers.slice(0, n % 4))
      if (voter.userId !== r.author.userId) await voteReview(deps, voter, { reviewId: r.id, helpful: true });
  }
  return written;
}

const shopActor = (p: PoolRow): SellerActor => ({
  userId: p.owner_id,
  role: "seller",
  sessionId: "seed",
  sellerId: p.seller_id,
});

/** Cash-on-delivery orders of one shop's products each (under the COD cap), walked to delivered. */
async function buyAndReceive(deps: Deps, buyer: Actor, products: PoolRow[]) {
  const address = await createAddress(deps, buyer, {
    label: "Home",
    name: "Demo Buyer",
    phone: "9876543210",
    line1: "42 Residency Road",
    city: "Bengaluru",
    state: "Karnataka",
    pincode: "560025",
  });
  const orders: PoolRow[][] = [];
  for (const p of products) {
    const open = orders.find(
      (o) => o[0]!.seller_id === p.seller_id && o.reduce((sum, x) => sum + x.price, p.price) <= ORDER_CAP,
    );
    if (open) open.push(p);
    else orders.push([p]);
  }
  for (const [i, lines] of orders.entries()) {
    const owner = { userId: buyer.userId };
    await clearCart(deps, owner);
    for (const p of lines) await addCartItem(deps, owner, { variantId: p.variant_id, qty: 1 });
    const order = await placeOrder(deps, buyer, {
      addressId: address.id,
      paymentMethod: "cod",
      idempotencyKey: `demo-reviews-${buyer.userId}-${i}`,
    });
    const shop = shopActor(lines[0]!);
    for (const sub of order.subOrders)
      for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
        await advanceSubOrder(deps, shop, {
          subOrderId: sub.id,
          to,
          ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: `DEMO${sub.number.slice(-6)}` }),
        });
  }
}
