import type { PayoutDto, PayoutMarkPaidInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function markPayoutPaid(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof PayoutMarkPaidInput>,
): Promise<PayoutDto> {
  throw new Error("not implemented");
}
