import type { PayoutDto, PayoutRejectInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function rejectPayout(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof PayoutRejectInput>,
): Promise<PayoutDto> {
  throw new Error("not implemented");
}
