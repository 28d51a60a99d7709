import { type Database, sellers } from "@bazaar/db";
import { and, eq, like, ne, or } from "drizzle-orm";
import { conflict } from "../errors";
import { isUniqueViolation, slugify } from "../platform/text";

/** A shop name as a URL slug, at least 3 characters even for a name with no Latin letters. */
export function shopSlugFrom(name: string): string {
  const s = slugify(name, 50, "");
  return s.length >= 3 ? s : s ? `shop-${s}` : "shop";
}

/** The first of `base`, `base-2`, `base-3`… that no other shop holds. */
async function firstFreeSlug(db: Database, base: string, exceptSellerId?: string): Promise<string> {
  const rows = await db
    .select({ slug: sellers.slug })
    .from(sellers)
    .where(
      and(
        or(eq(sellers.slug, base), like(sellers.slug, `${base}-%`)),
        exceptSellerId ? ne(sellers.id, exceptSellerId) : undefined,
      ),
    );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const MAX_ATTEMPTS = 10;

/**
 * Writes a row with the first free slug. Two applicants racing for the same name both
 * see it free; the unique index lets exactly one win and the other retries with the next
 * suffix. Each attempt runs in a savepoint, so a lost race does not abort `tx`.
 */
export async function withUniqueSlug<T>(
  tx: Database,
  base: string,
  exceptSellerId: string | undefined,
  write: (db: Database, slug: string) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const slug = await firstFreeSlug(tx, base, exceptSellerId);
    try {
      return await tx.transaction((sp) => write(sp, slug));
    } catch (e) {
      if (!isUniqueViolation(e, "sellers_slug_key")) throw e;
      if (attempt >= MAX_ATTEMPTS)
        throw conflict("seller.slug_busy", "Many shops are taking this name right now. Try again.");
    }
  }
}
