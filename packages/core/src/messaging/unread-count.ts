import type { MessageUnreadCountDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function messageUnreadCount(_deps: Deps, _actor: Actor): Promise<MessageUnreadCountDto> {
  throw notYet("messageUnreadCount");
}
