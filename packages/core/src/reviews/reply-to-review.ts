import { SellerReplyInput, type SellerReviewDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";

export async function replyToReview(
  _deps: Deps,
  _actor: SellerActor,
  raw: z.input<typeof SellerReplyInput>,
): Promise<SellerReviewDto> {
  SellerReplyInput.parse(raw);
  throw new Error("not implemented");
}
