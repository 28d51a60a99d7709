import type { AnalyticsTop, TopShopDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function getAdminTopShops(
  _deps: Deps,
  _actor: Actor,
  _input: AnalyticsTop,
): Promise<TopShopDto[]> {
  throw new Error("not implemented");
}
