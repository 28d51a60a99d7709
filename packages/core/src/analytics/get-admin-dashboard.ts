import type { AdminDashboardDto, AnalyticsRange } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { adminKpis, netOf, paymentSplit } from "./admin-kpis";
import { period, previousPeriod, series } from "./period";
import { PLATFORM_DAY_KEYS, platformDays } from "./platform-rows";

/**
 * The platform over `from`..`to` (IST) beside the previous period of the same length: GMV, net
 * revenue, commission, orders, sign-ups, refund rate, the payment-method split and a time series.
 */
export async function getAdminDashboard(
  deps: Deps,
  _actor: Actor,
  input: AnalyticsRange,
): Promise<AdminDashboardDto> {
  const current = period(input.from, input.to);
  const previous = previousPeriod(current);
  const rows = await platformDays(deps.db, previous.from, current.to);
  const { kpis, now } = adminKpis(rows, current, previous);
  return {
    period: current,
    previousPeriod: previous,
    granularity: input.granularity,
    kpis,
    series: series(rows, current, input.granularity, PLATFORM_DAY_KEYS).map((b) => ({
      date: b.date,
      gmv: b.gross,
      netRevenue: netOf(b),
      commission: b.commission,
      orders: b.checkouts,
      newCustomers: b.newCustomers,
      newSellers: b.newSellers,
    })),
    paymentMethods: paymentSplit(now),
  };
}
