import type { SellerBalancesDto } from "@bazaar/schemas";

import type { Deps, SellerActor } from "../platform/deps";

export async function getMyBalances(_deps: Deps, _actor: SellerActor): Promise<SellerBalancesDto> {
  throw new Error("not implemented");
}
