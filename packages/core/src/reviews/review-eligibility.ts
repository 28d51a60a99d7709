import { ProductReviewsInput, type ReviewEligibilityDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function reviewEligibility(
  _deps: Deps,
  _actor: Actor,
  raw: z.input<typeof ProductReviewsInput>,
): Promise<ReviewEligibilityDto> {
  ProductReviewsInput.parse(raw);
  throw new Error("not implemented");
}
