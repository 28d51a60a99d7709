import type { AnalyticsRange, SellerDashboardDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";
import { kpi, period, perOrder, previousPeriod, ratio, series, total } from "./period";
import { SELLER_DAY_KEYS, sellerDays } from "./seller-rows";

/**
 * The caller's shop over `from`..`to` (IST), each figure beside the previous period of the same
 * length, and a time series by day, week or month. Only the caller's own shop: the seller id
 * comes from the session, never from the input. One indexed read of the daily rollup.
 */
export async function getSellerDashboard(
  deps: Deps,
  actor: SellerActor,
  input: AnalyticsRange,
): Promise<SellerDashboardDto> {
  const current = period(input.from, input.to);
  const previous = previousPeriod(current);
  const rows = await sellerDays(deps.db, actor.sellerId, previous.from, current.to);
  const now = total(rows, current, SELLER_DAY_KEYS);
  const before = total(rows, previous, SELLER_DAY_KEYS);
  const revenue = (t: typeof now) => t.gross - t.cancelled - t.refunded;
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
    series: series(rows, current, input.granularity, SELLER_DAY_KEYS).map((b) => ({
      date: b.date,
      revenue: b.gross - b.cancelled - b.refunded,
      grossSales: b.gross,
      orders: b.orders,
      units: b.units,
      returnedUnits: b.returnedUnits,
      deliveredUnits: b.deliveredUnits,
    })),
  };
}
