import { randomBytes, randomUUID } from "node:crypto";
import { createShopForSeed, createVerifiedUser, type Deps, slugify } from "@bazaar/core";
import { media, productImages, products, productVariants } from "@bazaar/db";
import type { SellerApplyInput } from "@bazaar/schemas";
import { ensureCategories, generateProduct, LEAVES, productPng } from "./seed-catalog-data";

export const SEED_EMAIL_DOMAIN = "seed.bazaar.local";
const DAY_MS = 24 * 3600 * 1000;
const IMAGE_SIZE = 120;

const CITIES = [
  "Jaipur",
  "Varanasi",
  "Surat",
  "Lucknow",
  "Kutch",
  "Mysuru",
  "Kolkata",
  "Madurai",
  "Bhopal",
  "Guwahati",
  "Kochi",
  "Pune",
  "Amritsar",
  "Bhuj",
  "Puri",
  "Agra",
  "Indore",
  "Udaipur",
  "Nagpur",
  "Shillong",
];
const TRADES = [
  "Looms",
  "Handicrafts",
  "Bazaar",
  "Emporium",
  "Crafts",
  "Weaves",
  "Kala Kendra",
  "Traders",
  "Haat",
  "Collective",
];
const STATES: Record<string, SellerApplyInput["pickupAddress"]["state"]> = {
  Jaipur: "Rajasthan",
  Varanasi: "Uttar Pradesh",
  Surat: "Gujarat",
  Lucknow: "Uttar Pradesh",
  Kutch: "Gujarat",
  Mysuru: "Karnataka",
  Kolkata: "West Bengal",
  Madurai: "Tamil Nadu",
  Bhopal: "Madhya Pradesh",
  Guwahati: "Assam",
  Kochi: "Kerala",
  Pune: "Maharashtra",
  Amritsar: "Punjab",
  Bhuj: "Gujarat",
  Puri: "Odisha",
  Agra: "Uttar Pradesh",
  Indore: "Madhya Pradesh",
  Udaipur: "Rajasthan",
  Nagpur: "Maharashtra",
  Shillong: "Meghalaya",
};

export type BulkSeedOptions = {
  /** The number of seeded products to end up with: a re-run tops up, it never duplicates. */
  products: number;
  sellers?: number;
  batchSize?: number;
  onProgress?: (event: {
    phase: "sellers" | "images" | "products" | "vacuum";
    done: number;
    total: number;
  }) => void;
};

/**
 * A large catalogue for benchmarks and load tests: ~30 categories, `sellers` approved shops
 * (accounts with random passwords at `@seed.bazaar.local`), and products with three
 * variants and an image each. Products go in batches of multi-row INSERTs, each batch in a
 * transaction, so a crash loses at most one batch and a re-run continues from the count.
 */
export async function seedBulkCatalog(
  deps: Pick<Deps, "db" | "cache" | "now" | "auth" | "mediaStore">,
  options: BulkSeedOptions,
): Promise<{ added: number; total: number }> {
  const { products: target, sellers: sellerCount = 50, batchSize = 2000, onProgress } = options;
  const db = deps.db;
  const categoryIds = await ensureCategories(db);

  // Shops: the account hashes a random password cheaply (nobody signs in as a seed shop).
  const fastAuth = { ...deps, auth: { ...deps.auth, bcryptCost: 4 } };
  const shops = await seededShops(deps);
  for (let i = shops.length; i < sellerCount; i++) {
    const city = CITIES[i % CITIES.length]!;
    const shopName = `${city} ${TRADES[Math.floor(i / CITIES.length) % TRADES.length]}${i >= 200 ? ` ${i}` : ""}`;
    const email = `shop-${i + 1}@${SEED_EMAIL_DOMAIN}`;
    const user = await createVerifiedUser(fastAuth, {
      email,
      name: `${shopName} Owner`,
      password: `seed-1${randomBytes(18).toString("base64url")}`,
      role: "seller",
    });
    const phone = `+9198${String(10_000_000 + i).slice(-8)}`;
    await createShopForSeed(fastAuth, {
      userId: user.id,
      status: "approved",
      shopName,
      slug: `${slugify(shopName, 50)}-${i + 1}`,
      description: `Handmade goods from ${city}, straight from the makers.`,
      contactEmail: email,
      contactPhone: phone,
      pickupAddress: {
        name: `${shopName} Owner`,
        phone,
        line1: `${i + 1} Main Bazaar Road`,
        city,
        state: STATES[city]!,
        pincode: String(110_001 + i * 97).slice(0, 6),
      },
      bankAccount: { holder: shopName, number: String(100_000_000_000 + i), ifsc: "SBIN0001234" },
    });
    onProgress?.({ phase: "sellers", done: i + 1, total: sellerCount });
  }
  const shopRows = (await seededShops(deps)).slice(0, Math.max(sellerCount, 1));
  if (shopRows.length === 0) throw new Error("no seed shops");

  // One picture per shop and kind of product, owned by the shop like an upload would be.
  const imageKey = (shopSlug: string, leafSlug: string) => `seed/${shopSlug}/${leafSlug}.png`;
  const wanted = shopRows.flatMap((s) =>
    LEAVES.map((l, li) => ({ s, l, li, key: imageKey(s.slug, l.slug) })),
  );
  const seedMedia = async () =>
    new Map(
      (
        await db.query.media.findMany({
          columns: { id: true, storeKey: true },
          where: (m, { like }) => like(m.storeKey, "seed/%"),
        })
      ).map((m) => [m.storeKey, m.id]),
    );
  const have = await seedMedia();
  const missing = wanted.filter((w) => !have.has(w.key));
  for (const [i, w] of missing.entries()) {
    const bytes = productPng(w.l.colour, w.li + w.s.slug.length, IMAGE_SIZE);
    const stored = await deps.mediaStore.put(w.key, bytes, "image/png");
    await db.insert(media).values({
      ownerId: w.s.userId,
      storeKey: stored.key,
      url: stored.url,
      contentType: "image/png",
      bytes: bytes.length,
      width: IMAGE_SIZE,
      height: IMAGE_SIZE,
    });
    if (i % 50 === 0 || i === missing.length - 1)
      onProgress?.({ phase: "images", done: i + 1, total: missing.length });
  }
  const mediaIdOf = await seedMedia();

  // A constant statement: nothing from outside reaches the SQL text.
  const counted = await db.execute(
    `select count(*)::int as n from products p join sellers s on s.id = p.seller_id
     where s.contact_email like '%@${SEED_EMAIL_DOMAIN}'`,
  );
  const existing = (counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  const now = deps.now().getTime();
  let done = existing;
  onProgress?.({ phase: "products", done, total: Math.max(target, existing) });
  while (done < target) {
    const from = done + 1;
    const to = Math.min(target, done + batchSize);
    const rows: (typeof products.$inferInsert)[] = [];
    const variants: (typeof productVariants.$inferInsert)[] = [];
    const images: (typeof productImages.$inferInsert)[] = [];
    for (let n = from; n <= to; n++) {
      const p = generateProduct(n);
      const shop = shopRows[(n * 7919) % shopRows.length]!;
      const createdAt = new Date(now - p.ageDays * DAY_MS - (n % 86_400) * 1000);
      const id = randomUUID();
      const prices = p.variants.map((v) => v.price);
      rows.push({
        id,
        sellerId: shop.id,
        slug: p.slug,
        status: "approved",
        title: p.title,
        description: p.description,
        brand: p.brand,
        categoryId: categoryIds.get(p.leaf.slug)!,
        hsnCode: p.leaf.hsn,
        gstRateBps: p.leaf.gstBps,
        options: p.options,
        tags: p.tags,
        featured: p.featured,
        minPrice: Math.min(...prices),
        maxPrice: Math.max(...prices),
        totalStock: p.variants.reduce((sum, v) => sum + v.stock, 0),
        // Synthetic stars with no review rows behind them, for the benchmarks' rating sort and
        // filter at scale only (the demo seed writes real reviews). The shops' ratings are set
        // from these below, as refreshRatings would; a real review of a bulk product recounts
        // that product from its reviews.
        ratingAvg: p.ratingAvg,
        ratingCount: p.ratingCount,
        soldCount: p.soldCount,
        approvedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
      });
      for (const [position, v] of p.variants.entries())
        variants.push({
          productId: id,
          sellerId: shop.id,
          position,
          weightGrams: 250,
          createdAt,
          updatedAt: createdAt,
          ...v,
        });
      images.push({
        productId: id,
        mediaId: mediaIdOf.get(imageKey(shop.slug, p.leaf.slug))!,
        position: 0,
        alt: p.title,
      });
    }
    // Multi-row INSERTs, under PostgreSQL's 65,535 parameters per statement.
    await db.transaction(async (tx) => {
      for (const part of chunks(rows, 2000)) await tx.insert(products).values(part);
      for (const part of chunks(variants, 4000)) await tx.insert(productVariants).values(part);
      for (const part of chunks(images, 8000)) await tx.insert(productImages).values(part);
    });
    done = to;
    onProgress?.({ phase: "products", done, total: target });
  }
  if (done > existing) {
    // The shops' ratings agree with their products', computed as reviews/ratings.ts does.
    await db.execute(
      `update sellers s set rating_count = a.n, rating_avg = case when a.n = 0 then 0 else a.total / a.n end
       from (select p.seller_id, sum(p.rating_count)::int as n, sum(round(p.rating_avg * p.rating_count))::float8 as total
             from products p group by p.seller_id) a
       where a.seller_id = s.id and s.contact_email like '%@${SEED_EMAIL_DOMAIN}'`,
    );
    onProgress?.({ phase: "vacuum", done: 0, total: 1 });
    // Vacuumed, not only analyzed: fresh statistics, so the planner knows the tables' new size
    // at once, and the rows just written marked all-visible and their text-search entries
    // moved out of the GIN indexes' pending lists. Until autovacuum came by, a search at 100k
    // products cost ~10 ms of PostgreSQL instead of ~1.5 (bench/reads.ts right after seeding).
    for (const table of ["products", "product_variants", "product_images", "sellers", "categories", "media"])
      await db.execute(`vacuum (analyze) ${table}`);
    onProgress?.({ phase: "vacuum", done: 1, total: 1 });
  }
  await deps.cache.bump("catalog");
  return { added: done - existing, total: done };
}

function seededShops(deps: Pick<Deps, "db">) {
  return deps.db.query.sellers.findMany({
    columns: { id: true, slug: true, userId: true },
    where: (s, { like }) => like(s.contactEmail, `%@${SEED_EMAIL_DOMAIN}`),
    orderBy: (s, { asc }) => [asc(s.createdAt), asc(s.slug)],
  });
}

function* chunks<T>(xs: T[], size: number) {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}
