import { ProductReviewsInput, type ReviewSummaryDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps } from "../platform/deps";

export async function reviewSummary(
  _deps: Deps,
  raw: z.input<typeof ProductReviewsInput>,
): Promise<ReviewSummaryDto> {
  ProductReviewsInput.parse(raw);
  throw new Error("not implemented");
}
