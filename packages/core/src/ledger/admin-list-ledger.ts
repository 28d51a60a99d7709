import type { AdminLedgerListInput, LedgerEntryDto, Page } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function adminListLedger(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof AdminLedgerListInput>,
): Promise<Page<LedgerEntryDto>> {
  throw new Error("not implemented");
}
