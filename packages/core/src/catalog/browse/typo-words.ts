import { type SQL, sql } from "drizzle-orm";
import { FUZZY_ALTERNATIVES, fuzzyWords, withoutExcluded } from "./queries";

/**
 * Each query word's typo alternatives, remembered in the process: finding them is a
 * trigram search of the vocabulary (`search_words`), about a third of a new search's
 * PostgreSQL time, and shoppers reuse the same few thousand words. A search sends the
 * alternatives it knows as text and asks the database only for the words it has not seen
 * (searchTsquery below); the statement hands those back (`typos`) to be remembered.
 *
 * Kept for TYPO_TTL_MS, not invalidated: the vocabulary only grows (a trigger adds a new
 * title's words), and a word as typed is always one of its own alternatives, so a new
 * product's word is findable at once; what waits up to the TTL is a misspelling of it
 * finding it, no longer than a cached result page (TTL.list) keeps showing the old answer.
 * Bounded: the oldest entries go first past TYPO_MAX_WORDS.
 */
export const TYPO_TTL_MS = 120_000;
export const TYPO_MAX_WORDS = 20_000;

/** word → its tsquery group, `(kurtha | kurta | kurti)`, and when it expires. */
const known = new Map<string, { group: string; until: number }>();

function cached(word: string, now: number): string | undefined {
  const hit = known.get(word);
  if (!hit) return undefined;
  if (hit.until > now) return hit.group;
  known.delete(word);
  return undefined;
}

/** What a statement returned in `typos` (word → group), kept for the next searches. */
export function rememberTypos(typos: Record<string, string> | null | undefined, now = Date.now()): void {
  if (!typos) return;
  for (const [word, group] of Object.entries(typos)) {
    // A word looked up while a concurrent search remembered it: refresh its place.
    known.delete(word);
    // Only letters, digits, spaces and `( | )` may reach to_tsquery's text.
    if (typeof group !== "string" || !/^\([\p{L}\p{N} |]+\)$/u.test(group)) continue;
    known.set(word, { group, until: now + TYPO_TTL_MS });
  }
  // A Map iterates in insertion order: the first keys are the oldest.
  for (const word of known.keys()) {
    if (known.size <= TYPO_MAX_WORDS) break;
    known.delete(word);
  }
}

/** For tests: forget every remembered word. */
export function forgetTypos(): void {
  known.clear();
}

/**
 * The full-text query of a search, typos included (as queries.ts's searchTsquery: the
 * query as written, or every word as itself or one of its nearest vocabulary words), with
 * the remembered words' alternatives passed in as text. `tsq` is the tsquery (a scalar
 * subquery over the `sq` CTE this returns the body of); `typos` a json object of the words
 * looked up in the vocabulary by this statement, for rememberTypos (null when none were).
 *
 * The statement's text depends only on how many words are new, so prepared statements
 * stay few (one per count, per the rest of its shape).
 */
export function typoTsquery(q: string, now = Date.now()): { cte: SQL; typos: SQL } {
  const exact = sql`websearch_to_tsquery('english', ${q})`;
  const words = fuzzyWords(q);
  if (words.length === 0)
    return { cte: sql`select ${exact} as tsq, null::json as typos`, typos: sql`null::json` };
  const groups: string[] = [];
  const unknown: string[] = [];
  for (const w of words) {
    const group = cached(w, now);
    if (group) groups.push(group);
    else unknown.push(w);
  }
  if (unknown.length === 0)
    return {
      cte: sql`select ${exact} || ${withoutExcluded(sql`to_tsquery('english', ${groups.join(" & ")})`, q)} as tsq, null::json as typos`,
      typos: sql`null::json`,
    };
  const lookups = unknown.map(
    (w) =>
      sql`(select '(' || string_agg(x, ' | ') || ')' from (select ${w}::text as x union
        (select sw.word from search_words sw where sw.word % ${w}
          order by sw.word <-> ${w} limit ${sql.raw(String(FUZZY_ALTERNATIVES))})) a)`,
  );
  // `offset 0` keeps the lookups' subquery from being pulled up: the planner would otherwise
  // copy the array, lookups and all, into both columns that read `g`, and search the
  // vocabulary twice for every new word (half a new search's PostgreSQL time at 100k products).
  return {
    cte: sql`select ${exact} || ${withoutExcluded(sql`to_tsquery('english', array_to_string(${sql.param(groups)}::text[] || g, ' & '))`, q)} as tsq,
        json_object(${sql.param(unknown)}::text[], g) as typos
      from (select array[${sql.join(lookups, sql`, `)}]::text[] as g offset 0) l`,
    typos: sql`(select typos from sq)`,
  };
}
