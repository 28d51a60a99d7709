import type { LedgerAdjustInput, LedgerEntryDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function adjustBalance(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof LedgerAdjustInput>,
): Promise<LedgerEntryDto> {
  throw new Error("not implemented");
}
