import { categories, type Database, products } from "@bazaar/db";
import { and, eq, inArray } from "drizzle-orm";
import { invalidField } from "../errors";
import type { CouponOwner } from "./queries";

/** A seller's coupon may only name that seller's products; anyone's must name real ones. */
export async function checkCouponProducts(db: Database, owner: CouponOwner, productIds: string[]) {
  if (!productIds.length) return;
  const found = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        inArray(products.id, productIds),
        owner.sellerId ? eq(products.sellerId, owner.sellerId) : undefined,
      ),
    );
  const known = new Set(found.map((r) => r.id));
  const missing = productIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalidField(
      `productIds.${missing}`,
      "coupon.product_not_found",
      "No such product in your catalogue",
    );
}

/** Every category a coupon names must exist. */
export async function checkCouponCategories(db: Database, categoryIds: string[]) {
  if (!categoryIds.length) return;
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .where(inArray(categories.id, categoryIds));
  const known = new Set(rows.map((r) => r.id));
  const missing = categoryIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalidField(`categoryIds.${missing}`, "coupon.category_not_found", "No such category");
}
