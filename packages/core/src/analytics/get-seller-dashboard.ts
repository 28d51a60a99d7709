import type { AnalyticsRange, SellerDashboardDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";
import { foldPendingSales } from "./fold-pending-sales";
import { buckets, kpi, period, perOrder, previousPeriod, ratio } from "./period";
import { sellerDays, sumRows } from "./seller-rows";

/**
 * The caller's shop over `from`..`to` (IST), each figure beside the previous period of the same
 * length, and a time series by day, week or month. Only the caller's own shop: the seller id
 * comes from the session, never from the input. The database adds up the buckets and the
 * previous period from the daily rollup (two index range scans).
 */
export async function getSellerDashboard(
  deps: Deps,
  actor: SellerActor,
  input: AnalyticsRange,
): Promise<SellerDashboardDto> {
  await foldPendingSales(deps.db);
  const current = period(input.from, input.to);
  const previous = previousPeriod(current);
  const [rows, earlier] = await Promise.all([
    sellerDays(deps.db, actor.sellerId, current.from, current.to, input.granularity),
    sellerDays(deps.db, actor.sellerId, previous.from, previous.to, "total"),
  ]);
  const now = sumRows(rows);
  const before = sumRows(earlier);
  const revenue = (t: typeof now) => t.gross - t.cancelled - t.refunded;
  const byBucket = new Map(rows.map((r) => [r.day, r]));
  return {
    period: current,
    previousPeriod: previous,
    granularity: input.granularity,
    kpis: {
      revenue: kpi(revenue(now), revenue(before)),
      grossSales: kpi(now.gross, before.gross),
      orders: kpi(now.orders, before.orders),
      units: kpi(now.units, before.units),
      averageOrderValue: kpi(perOrder(revenue(now), now.orders), perOrder(revenue(before), before.orders)),
      returnsRate: kpi(
        ratio(now.returnedUnits, now.deliveredUnits),
        ratio(before.returnedUnits, before.deliveredUnits),
      ),
    },
    series: buckets(current, input.granularity).map((date) => {
      const b = sumRows(byBucket.has(date) ? [byBucket.get(date)!] : []);
      return {
        date,
        revenue: revenue(b),
        grossSales: b.gross,
        orders: b.orders,
        units: b.units,
        returnedUnits: b.returnedUnits,
        deliveredUnits: b.deliveredUnits,
      };
    }),
  };
}
