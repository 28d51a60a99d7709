import {
  createCoupon,
  createShopForSeed,
  createVerifiedUser,
  type Deps,
  findCouponByCode,
  userExists,
} from "@bazaar/core";
import { type Database, settings } from "@bazaar/db";
import type { SellerApplyInput, SellerStatus } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { seedDemoCatalog } from "./seed-catalog-demo";
import { seedDemoReviews } from "./seed-reviews-demo";

export const DEMO_PASSWORD = "bazaar-demo-1";

export const demoAccounts = [
  { email: "admin@bazaar.local", name: "Asha Admin", role: "admin" },
  { email: "seller1@bazaar.local", name: "Ravi Textiles", role: "seller" },
  { email: "seller2@bazaar.local", name: "Meera Handicrafts", role: "seller" },
  // A customer whose application to sell waits for review (see demoShops).
  { email: "pending-seller@bazaar.local", name: "Kiran Pending", role: "customer" },
  { email: "customer1@bazaar.local", name: "Priya Customer", role: "customer" },
  { email: "customer2@bazaar.local", name: "Arjun Customer", role: "customer" },
] as const;

/** The demo sellers' shops: two open for business, one application waiting for an admin. */
export const demoShops: (SellerApplyInput & { ownerEmail: string; status: SellerStatus })[] = [
  {
    ownerEmail: "seller1@bazaar.local",
    status: "approved",
    shopName: "Ravi Textiles",
    slug: "ravi-textiles",
    description:
      "Handloom cotton and Banarasi silk sarees, kurtas and dupattas, sourced directly from weaver families in Surat and Varanasi since 1998.",
    contactEmail: "orders@ravitextiles.in",
    contactPhone: "+919824012345",
    pickupAddress: {
      name: "Ravi Patel",
      phone: "+919824012345",
      line1: "Shop 214, Surat Textile Market",
      line2: "Ring Road",
      landmark: "Opposite Sahara Darwaja",
      city: "Surat",
      state: "Gujarat",
      pincode: "395002",
    },
    gstin: "24AAKFR4821M1Z6",
    pan: "AAKFR4821M",
    bankAccount: { holder: "Ravi Textiles", number: "50100234567812", ifsc: "HDFC0000123" },
  },
  {
    ownerEmail: "seller2@bazaar.local",
    status: "approved",
    shopName: "Meera Handicrafts",
    slug: "meera-handicrafts",
    description:
      "Blue pottery, block-printed linen and brass décor made by artisans in and around Jaipur. Every piece is handmade, so no two are quite alike.",
    contactEmail: "hello@meerahandicrafts.in",
    contactPhone: "+919414056789",
    pickupAddress: {
      name: "Meera Sharma",
      phone: "+919414056789",
      line1: "42, Johari Bazaar",
      landmark: "Near Hawa Mahal",
      city: "Jaipur",
      state: "Rajasthan",
      pincode: "302003",
    },
    gstin: "08ABFPM7315Q1Z2",
    pan: "ABFPM7315Q",
    bankAccount: { holder: "Meera Sharma", number: "38291045672", ifsc: "SBIN0031234" },
  },
  {
    ownerEmail: "pending-seller@bazaar.local",
    status: "pending",
    shopName: "Kiran Organics",
    slug: "kiran-organics",
    description: "Cold-pressed oils, millets and spices from small farms in the Western Ghats.",
    contactEmail: "kiran@kiranorganics.in",
    contactPhone: "+919845067890",
    pickupAddress: {
      name: "Kiran Rao",
      phone: "+919845067890",
      line1: "No. 17, 4th Cross, Koramangala 5th Block",
      city: "Bengaluru",
      state: "Karnataka",
      pincode: "560095",
    },
    pan: "BXKPR5521L",
    bankAccount: { holder: "Kiran Rao", number: "184501502233", ifsc: "ICIC0001845" },
  },
];

/**
 * Idempotent: once the demo is whole (DEMO_MARK, at this DEMO_VERSION) a start reads one row
 * and stops. Until then, accounts are created only if the demo admin is missing, each demo
 * shop is added if its owner has none yet, and the open shops get a demo catalogue once.
 * True when anything was added.
 */
export async function seedDemo(appDeps: Deps): Promise<boolean> {
  if (await demoIsWhole(appDeps.db)) return false;
  const deps = withDemoHashing(appDeps);
  let added = false;
  if (!(await userExists(deps.db, demoAccounts[0].email))) {
    for (const a of demoAccounts) {
      await createVerifiedUser(deps, { email: a.email, name: a.name, password: DEMO_PASSWORD, role: a.role });
    }
    added = true;
  }
  const openShops: string[] = [];
  for (const shop of demoShops) {
    if (!(await userExists(deps.db, shop.ownerEmail))) continue;
    const { seller, created } = await createShopForSeed(deps, shop);
    if (created) added = true;
    if (seller.status === "approved") openShops.push(seller.id);
  }
  // The open shops get a stocked catalogue, so a newcomer sees a living store at once.
  if ((await seedDemoCatalog(deps, { sellerIds: openShops })) > 0) added = true;
  // Its ratings come from delivered orders and reviews by demo customers, not made-up numbers.
  if ((await seedDemoReviews(deps, { sellerIds: openShops })) > 0) added = true;
  if (await seedDemoCoupon(deps)) added = true;
  await markDemoWhole(deps.db);
  return added;
}

/**
 * Written once every part of the demo is there. Every start used to check each part again
 * (~15 statements, ~0.2 s of a warm start on PGlite, #14); now it reads this one row. It also
 * means demo data an admin deleted (the coupon, a product) stays deleted across restarts.
 * Raise DEMO_VERSION when the demo gains a part: the next start adds what is missing.
 */
const DEMO_MARK = "demo.seeded";
const DEMO_VERSION = 1;

async function demoIsWhole(db: Database): Promise<boolean> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DEMO_MARK));
  return (row?.value as { version?: number } | undefined)?.version === DEMO_VERSION;
}

async function markDemoWhole(db: Database): Promise<void> {
  const value = { version: DEMO_VERSION };
  await db
    .insert(settings)
    .values({ key: DEMO_MARK, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/**
 * The demo accounts' password is printed in the banner and the README, so a slow hash
 * protects nothing there; at the configured cost (12) their 14 hashes were ~3 s of a first
 * start's CPU. Real sign-ups, password changes and resets still use the configured cost.
 */
const DEMO_BCRYPT_COST = 4;
const withDemoHashing = (deps: Deps): Deps => ({
  ...deps,
  auth: { ...deps.auth, bcryptCost: Math.min(deps.auth.bcryptCost, DEMO_BCRYPT_COST) },
});

/** A platform coupon to try at the cart: 10% off, at most ₹200, on orders from ₹499. */
export const DEMO_COUPON = "WELCOME10";

async function seedDemoCoupon(deps: Deps): Promise<boolean> {
  if (await findCouponByCode(deps.db, DEMO_COUPON)) return false;
  const [admin] = (
    (await deps.db.execute(`select id from users where email = '${demoAccounts[0].email}'`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  if (!admin) return false;
  await createCoupon(
    deps,
    { userId: admin.id, role: "admin", sessionId: "seed" },
    { sellerId: null },
    {
      code: DEMO_COUPON,
      description: "10% off your order, up to ₹200",
      kind: "percent",
      percentBps: 1000,
      maxDiscount: 20_000,
      minSubtotal: 49_900,
    },
  );
  return true;
}
