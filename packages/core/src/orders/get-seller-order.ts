import type { SellerSubOrderDto } from "@bazaar/schemas";
import type { Deps, SellerActor } from "../platform/deps";
import { findSellerSubOrder, toSellerSubOrderDtos } from "./queries";

export async function getSellerOrder(
  deps: Deps,
  actor: SellerActor,
  raw: { subOrderId: string },
): Promise<SellerSubOrderDto> {
  const row = await findSellerSubOrder(deps.db, actor, raw.subOrderId);
  return (await toSellerSubOrderDtos(deps, [row]))[0]!;
}
