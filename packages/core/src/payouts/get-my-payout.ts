import type { PayoutDto, PayoutIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function getMyPayout(
  _deps: Deps,
  _actor: SellerActor,
  _input: z.input<typeof PayoutIdInput>,
): Promise<PayoutDto> {
  throw new Error("not implemented");
}
