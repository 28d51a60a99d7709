import { type MyReviewDto, UpdateReviewInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function updateReview(
  _deps: Deps,
  _actor: Actor,
  raw: z.input<typeof UpdateReviewInput>,
): Promise<MyReviewDto> {
  UpdateReviewInput.parse(raw);
  throw new Error("not implemented");
}
