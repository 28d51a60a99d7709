import type { AdminHomeDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function getAdminHome(_deps: Deps, _actor: Actor): Promise<AdminHomeDto> {
  throw new Error("not implemented");
}
