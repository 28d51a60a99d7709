import type { MessageDto, SendMessageInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function sendMessage(_deps: Deps, _actor: Actor, _raw: SendMessageInput): Promise<MessageDto> {
  throw notYet("sendMessage");
}
