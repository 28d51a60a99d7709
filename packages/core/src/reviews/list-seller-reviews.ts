import { type Page, type SellerReviewDto, SellerReviewsListInput } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function listSellerReviews(
  _deps: Deps,
  _actor: SellerActor,
  raw: z.input<typeof SellerReviewsListInput>,
): Promise<Page<SellerReviewDto>> {
  SellerReviewsListInput.parse(raw);
  throw new Error("not implemented");
}
