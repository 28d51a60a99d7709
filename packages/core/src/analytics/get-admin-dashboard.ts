import type { AdminDashboardDto, AnalyticsRange } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { kpisOf, netOf, paymentSplit, sumOf } from "./admin-kpis";
import { foldPendingSales } from "./fold-pending-sales";
import { buckets, period, previousPeriod } from "./period";
import { platformDays } from "./platform-rows";

/**
 * The platform over `from`..`to` (IST) beside the previous period of the same length: GMV, net
 * revenue, commission, orders, sign-ups, refund rate, the payment-method split and a time series.
 * The database adds up the buckets (at most 731 rows back) and the previous period (one row).
 */
export async function getAdminDashboard(
  deps: Deps,
  _actor: Actor,
  input: AnalyticsRange,
): Promise<AdminDashboardDto> {
  await foldPendingSales(deps.db);
  const current = period(input.from, input.to);
  const previous = previousPeriod(current);
  const [rows, before] = await Promise.all([
    platformDays(deps.db, current.from, current.to, input.granularity),
    platformDays(deps.db, previous.from, previous.to, "total"),
  ]);
  const now = sumOf(rows);
  const byBucket = new Map(rows.map((r) => [r.day, r]));
  return {
    period: current,
    previousPeriod: previous,
    granularity: input.granularity,
    kpis: kpisOf(now, sumOf(before)),
    series: buckets(current, input.granularity).map((date) => {
      const b = sumOf(byBucket.has(date) ? [byBucket.get(date)!] : []);
      return {
        date,
        gmv: b.gross,
        netRevenue: netOf(b),
        commission: b.commission,
        orders: b.checkouts,
        newCustomers: b.newCustomers,
        newSellers: b.newSellers,
      };
    }),
    paymentMethods: paymentSplit(now),
  };
}
