import type { PlatformSettingsDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { getDefaultCommissionBps } from "./queries";

/** Admin: the platform settings sellers are held to. */
export async function getPlatformSettings(
  deps: Pick<Deps, "db">,
  _actor: Actor,
): Promise<PlatformSettingsDto> {
  return { defaultCommissionBps: await getDefaultCommissionBps(deps.db) };
}
