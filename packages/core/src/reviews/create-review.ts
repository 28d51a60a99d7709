import { CreateReviewInput, type MyReviewDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function createReview(
  _deps: Deps,
  _actor: Actor,
  raw: z.input<typeof CreateReviewInput>,
): Promise<MyReviewDto> {
  CreateReviewInput.parse(raw);
  throw new Error("not implemented");
}
