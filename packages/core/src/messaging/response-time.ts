import { type ShopResponseTimeDto, ShopResponseTimeInput } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";

/** Fewer answered messages than this say too little to show a figure. */
const MIN_SAMPLE = 3;
const WINDOW_DAYS = 30;

/**
 * How fast a shop answers, for its public page: over buyer messages of the last 30 days
 * that opened a wait (the first buyer message after the shop's last reply), the median time
 * until the shop's next reply. Unanswered waits do not count yet. Cached for ten minutes.
 */
export async function getShopResponseTime(
  deps: Pick<Deps, "db" | "cache" | "now">,
  raw: ShopResponseTimeInput,
): Promise<ShopResponseTimeDto> {
  const input = ShopResponseTimeInput.parse(raw);
  return deps.cache.wrap("messaging", `response-time:${input.sellerId}`, 600, async () => {
    const since = new Date(deps.now().getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    const [row] = await rowsOf<{ median: number | string | null; sample: number | string }>(
      deps.db,
      sql`with m as (
            select m.conversation_id, m.seq, m.sender_role, m.created_at,
                   lag(m.sender_role) over (partition by m.conversation_id order by m.seq) as prev_role
            from messages m join conversations c on c.id = m.conversation_id
            where c.seller_id = ${input.sellerId}::uuid and m.created_at >= ${since}::timestamptz
          ), waits as (
            select w.created_at as asked_at,
                   (select r.created_at from messages r
                     where r.conversation_id = w.conversation_id and r.seq > w.seq and r.sender_role = 'seller'
                     order by r.seq limit 1) as replied_at
            from m w
            where w.sender_role = 'customer' and (w.prev_role is null or w.prev_role = 'seller')
          )
          select percentile_cont(0.5) within group (order by extract(epoch from replied_at - asked_at)) as median,
                 count(*) as sample
          from waits where replied_at is not null`,
    );
    const sample = Number(row?.sample ?? 0);
    const median = row?.median == null ? null : Number(row.median);
    return {
      medianSeconds: sample >= MIN_SAMPLE && median !== null ? Math.round(median) : null,
      sample,
    };
  });
}
