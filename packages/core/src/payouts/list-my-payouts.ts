import type { Page, PayoutDto, SellerPayoutsListInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function listMyPayouts(
  _deps: Deps,
  _actor: SellerActor,
  _input: z.input<typeof SellerPayoutsListInput>,
): Promise<Page<PayoutDto>> {
  throw new Error("not implemented");
}
