import type { ConversationsListInput, ConversationsPageDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function listConversations(
  _deps: Deps,
  _actor: Actor,
  _raw: ConversationsListInput,
): Promise<ConversationsPageDto> {
  throw notYet("listConversations");
}
