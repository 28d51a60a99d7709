import type { ReportMessageDto, ReportMessageInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { notYet } from "./stub";

export async function reportMessage(
  _deps: Deps,
  _actor: Actor,
  _raw: ReportMessageInput,
): Promise<ReportMessageDto> {
  throw notYet("reportMessage");
}
