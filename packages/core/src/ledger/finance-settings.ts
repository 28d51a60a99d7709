import type { FinanceSettings } from "@bazaar/schemas";

import type { Actor, Deps } from "../platform/deps";

export async function getFinanceSettings(_deps: Deps, _actor: Actor): Promise<FinanceSettings> {
  throw new Error("not implemented");
}
