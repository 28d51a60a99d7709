import type { AnalyticsTop, TopProductDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";

export async function getSellerTopProducts(
  _deps: Deps,
  _actor: SellerActor,
  _input: AnalyticsTop,
): Promise<TopProductDto[]> {
  throw new Error("not implemented");
}
