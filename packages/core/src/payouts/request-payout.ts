import type { PayoutDto, PayoutRequestInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function requestPayout(
  _deps: Deps,
  _actor: SellerActor,
  _input: z.input<typeof PayoutRequestInput>,
): Promise<PayoutDto> {
  throw new Error("not implemented");
}
