import type { PayoutDto, PayoutIdInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function adminGetPayout(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof PayoutIdInput>,
): Promise<PayoutDto> {
  throw new Error("not implemented");
}
