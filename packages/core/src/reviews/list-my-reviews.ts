import { type MyReviewDto, MyReviewsInput, type Page } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function listMyReviews(
  _deps: Deps,
  _actor: Actor,
  raw: z.input<typeof MyReviewsInput>,
): Promise<Page<MyReviewDto>> {
  MyReviewsInput.parse(raw);
  throw new Error("not implemented");
}
