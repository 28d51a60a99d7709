import type { AnalyticsRange, SellerDashboardDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";

export async function getSellerDashboard(
  _deps: Deps,
  _actor: SellerActor,
  _input: AnalyticsRange,
): Promise<SellerDashboardDto> {
  throw new Error("not implemented");
}
