import type { SellerBalancesDto, SellerIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function adminGetBalances(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof SellerIdInput>,
): Promise<SellerBalancesDto> {
  throw new Error("not implemented");
}
