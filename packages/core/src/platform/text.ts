import { randomBytes } from "node:crypto";

/** URL slug from free text: lowercase ASCII words joined by hyphens. */
export function slugify(text: string, max = 60, fallback = "item"): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  // A text with no Latin letters or digits (all Devanagari, say) still needs a usable slug.
  return s || fallback;
}

/** Product slugs get a short random tail so two sellers' "Cotton Kurta" never collide. */
export const productSlug = (title: string) => `${slugify(title, 50)}-${randomBytes(3).toString("hex")}`;

/** Postgres unique_violation, as raised by node-postgres and PGlite alike (possibly wrapped by Drizzle). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = (e as { cause?: unknown })?.cause ?? e;
  const code = (err as { code?: string })?.code;
  const name = (err as { constraint?: string })?.constraint;
  return code === "23505" && (!constraint || name === constraint);
}
