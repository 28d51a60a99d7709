import type { LedgerEntryDto, LedgerListInput, Page } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function listMyLedger(
  _deps: Deps,
  _actor: SellerActor,
  _input: z.input<typeof LedgerListInput>,
): Promise<Page<LedgerEntryDto>> {
  throw new Error("not implemented");
}
