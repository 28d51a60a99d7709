import { type Database, sellers } from "@bazaar/db";
import { and, eq, like, ne, or } from "drizzle-orm";
import { conflict } from "../errors";

/** A shop name as a URL slug: lowercase ASCII words joined by hyphens, at least 3 characters. */
export function shopSlugFrom(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  // A name with no Latin letters or digits (e.g. all Devanagari) still needs a usable slug.
  return s.length >= 3 ? s : s ? `shop-${s}` : "shop";
}

/** Postgres unique_violation, as raised by node-postgres and PGlite alike (possibly wrapped by Drizzle). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = (e as { cause?: unknown })?.cause ?? e;
  const code = (err as { code?: string })?.code;
  const name = (err as { constraint?: string })?.constraint;
  return code === "23505" && (!constraint || name === constraint);
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
