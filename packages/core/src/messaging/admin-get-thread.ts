import type { AdminThreadDto, AdminThreadInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function adminGetThread(
  _deps: Deps,
  _actor: Actor,
  _raw: AdminThreadInput,
): Promise<AdminThreadDto> {
  throw notYet("adminGetThread");
}
