import type { AdminDashboardDto, AnalyticsRange } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function getAdminDashboard(
  _deps: Deps,
  _actor: Actor,
  _input: AnalyticsRange,
): Promise<AdminDashboardDto> {
  throw new Error("not implemented");
}
