import { type ReviewVoteDto, VoteReviewInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function voteReview(
  _deps: Deps,
  _actor: Actor,
  raw: z.input<typeof VoteReviewInput>,
): Promise<ReviewVoteDto> {
  VoteReviewInput.parse(raw);
  throw new Error("not implemented");
}
