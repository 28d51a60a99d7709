import type { StartConversationDto, StartConversationInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function startConversation(
  _deps: Deps,
  _actor: Actor,
  _raw: StartConversationInput,
): Promise<StartConversationDto> {
  throw notYet("startConversation");
}
