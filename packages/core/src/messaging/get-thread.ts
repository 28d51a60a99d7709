import type { ThreadDto, ThreadInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function getThread(_deps: Deps, _actor: Actor, _raw: ThreadInput): Promise<ThreadDto> {
  throw notYet("getThread");
}
