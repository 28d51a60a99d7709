import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { notFound } from "../errors";
import { rowsOf } from "../platform/raw-rows";

/**
 * Reviews are shown only where the product is: approved, of an approved shop. A draft, a
 * taken-down product or a suspended shop's product answers NOT_FOUND, like its page does.
 */
export async function assertPublicProduct(db: Database, productId: string): Promise<void> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select p.id from products p join sellers s on s.id = p.seller_id
        where p.id = ${productId} and p.status = 'approved' and s.status = 'approved'`,
  );
  if (rows.length === 0) throw notFound("product.not_found", "This product is not available");
}
