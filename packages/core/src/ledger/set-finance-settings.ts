import type { FinanceSettings, SetFinanceSettingsInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function setFinanceSettings(
  _deps: Deps,
  _actor: Actor,
  _input: z.input<typeof SetFinanceSettingsInput>,
): Promise<FinanceSettings> {
  throw new Error("not implemented");
}
