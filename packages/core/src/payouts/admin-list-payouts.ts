import type { AdminPayoutsListInput, Page, PayoutDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function adminListPayouts(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof AdminPayoutsListInput>,
): Promise<Page<PayoutDto>> {
  throw new Error("not implemented");
}
