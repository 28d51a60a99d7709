import type { AdminHomeDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { adminKpis } from "./admin-kpis";
import { foldPendingSales } from "./fold-pending-sales";
import { addDays, istDate, period, previousPeriod } from "./period";
import { platformDays } from "./platform-rows";

/** The admin home's headline figures: today, the last 7 and the last 30 days (IST, today included), each beside the period before. */
export async function getAdminHome(deps: Deps, _actor: Actor): Promise<AdminHomeDto> {
  await foldPendingSales(deps.db);
  const today = istDate(deps.now());
  const rows = await platformDays(deps.db, addDays(today, -59), today);
  const figures = (days: number) => {
    const current = period(addDays(today, -(days - 1)), today);
    const previous = previousPeriod(current);
    return { period: current, previousPeriod: previous, kpis: adminKpis(rows, current, previous).kpis };
  };
  return { today: figures(1), last7Days: figures(7), last30Days: figures(30) };
}
