import type { AnswerVoteInput, VoteResultDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function voteAnswer(
  _deps: Deps,
  _actor: Actor,
  _input: AnswerVoteInput,
): Promise<VoteResultDto> {
  throw new Error("not implemented");
}
