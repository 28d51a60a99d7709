import { type Page, type ReviewDto, ReviewsListInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

/** `viewer` is null for guests. */
export async function listProductReviews(
  _deps: Deps,
  _viewer: Actor | null,
  raw: z.input<typeof ReviewsListInput>,
): Promise<Page<ReviewDto>> {
  ReviewsListInput.parse(raw);
  throw new Error("not implemented");
}
