import { SuggestInput } from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { rowsOf } from "../../platform/raw-rows";
import {
  type BrowseDeps,
  CACHE_NS,
  cacheKey,
  escapeLike,
  normalizeQuery,
  publicWhere,
  searchTsquery,
  TTL,
  WORD_SIMILARITY_THRESHOLD,
  withoutExcluded,
  withoutExcludedWords,
} from "./queries";
import { candidates } from "./search";

/** One autocomplete entry: a category or product to open (by slug), or a brand to filter by. */
export type Suggestion = { kind: "category" | "brand" | "product"; label: string; slug: string | null };

const PER_KIND = { category: 2, brand: 2 } as const;

/**
 * Autocomplete over public products, their brands and the categories. A product matches
 * by word prefix (full text, `kurt` → "Kurta") or, from three characters, by a near word
 * of the title and brand vocabulary (`kurtha` → kurta, as a search does: searchTsquery),
 * in one look-up of the full-text index, title matches first and capped as a search's
 * candidates are (search.ts); no session setting, no transaction. Entries are ranked (the label starts
 * with the text > a word of it does > similarity), de-duplicated case-insensitively per
 * kind, and capped: at most two categories and two brands, products fill the rest.
 */
export async function searchSuggest(
  deps: BrowseDeps,
  raw: z.input<typeof SuggestInput>,
): Promise<Suggestion[]> {
  const input = SuggestInput.parse(raw);
  const q = normalizeQuery(input.q);
  if (!q) return [];
  return deps.cache.wrap(CACHE_NS, cacheKey("suggest", [q, input.limit]), TTL.suggest, async () => {
    const rows = await rowsOf<Suggestion & { score: number }>(deps.db, suggestQuery(q, input.limit));
    const seen = new Set<string>();
    const counts = { category: 0, brand: 0, product: 0 };
    const out: (Suggestion & { score: number })[] = [];
    for (const r of rows) {
      const id = `${r.kind}:${r.label.toLowerCase()}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (r.kind !== "product" && counts[r.kind] >= PER_KIND[r.kind]) continue;
      counts[r.kind]++;
      out.push(r);
    }
    const order = { category: 0, brand: 1, product: 2 };
    return out
      .sort((a, b) => b.score - a.score || order[a.kind] - order[b.kind])
      .slice(0, input.limit)
      .map(({ kind, label, slug }) => ({ kind, label, slug }));
  });
}

/**
 * `kurt:* & sil:*` from the words of the text, less the excluded ones (`-word`); only letters
 * and digits reach to_tsquery.
 */
export function prefixTsquery(q: string): string | null {
  const words = withoutExcludedWords(q).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

export function suggestQuery(q: string, limit: number): SQL {
  const tsq = prefixTsquery(q);
  const starts = `${escapeLike(q)}%`;
  const wordStarts = `% ${escapeLike(q)}%`;
  const rank = (col: SQL) =>
    sql`(case when lower(${col}) like ${starts} then 2 when lower(${col}) like ${wordStarts} then 1 else 0 end
      + word_similarity(${q}, ${col}))`;
  // A word prefix, or the words as a search reads them (typos through the vocabulary).
  const match = tsq
    ? sql`(select ${withoutExcluded(sql`to_tsquery('english', ${tsq})`, q)} || ${searchTsquery(q)})`
    : sql`(select ${searchTsquery(q)})`;
  const similar = (col: SQL) =>
    sql`(lower(${col}) like ${starts} or lower(${col}) like ${wordStarts} or word_similarity(${q}, ${col}) >= ${WORD_SIMILARITY_THRESHOLD})`;
  return sql`
    with sq as materialized (select ${match} as tsq),
    m as (${candidates(sql`${publicWhere}`, sql`(select tsq from sq)`)})
    (select 'category' as kind, c.name as label, c.slug as slug, ${rank(sql`c.name`)} as score
      from categories c where ${similar(sql`c.name`)}
      order by score desc, c.position, c.name limit ${PER_KIND.category + 2})
    union all
    (select 'brand', min(brand), null, max(${rank(sql`brand`)}) as score
      from m where brand <> '' and ${similar(sql`brand`)}
      group by lower(brand) order by score desc, count(*) desc limit ${PER_KIND.brand + 2})
    union all
    (select 'product', title, slug, score from (
        select distinct on (lower(title)) title, slug, sold_count, ${rank(sql`title`)} as score
        from m order by lower(title), sold_count desc, slug
      ) t order by score desc, sold_count desc, title limit ${limit})`;
}
