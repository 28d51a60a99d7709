import type { QuestionVoteInput, VoteResultDto } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";

export async function voteQuestion(
  _deps: Deps,
  _actor: Actor,
  _input: QuestionVoteInput,
): Promise<VoteResultDto> {
  throw new Error("not implemented");
}
