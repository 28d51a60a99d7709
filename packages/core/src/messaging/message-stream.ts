import type { MessageEventDto, OnMessageInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export const inboxChannel = (side: "customer" | "seller", id: string) => `messages:${side}:${id}`;

export async function* streamMessages(
  _deps: Deps,
  _actor: Actor,
  _raw: OnMessageInput,
  _signal: AbortSignal,
): AsyncGenerator<{ id: string; event: MessageEventDto }> {
  yield* [];
  throw notYet("streamMessages");
}
