import type { MarkConversationReadInput, MarkReadDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function markConversationRead(
  _deps: Deps,
  _actor: Actor,
  _raw: MarkConversationReadInput,
): Promise<MarkReadDto> {
  throw notYet("markConversationRead");
}
