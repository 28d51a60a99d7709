import { ProductReviewsInput, type ReviewSummaryDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { productNotFound } from "./public-product";
import { summarySql } from "./queries";

/**
 * Average, count and the five bars of a public product's published reviews, all from one
 * statement (the product's visibility and a count over the (product_id, status, rating) index),
 * so the three always agree.
 */
export async function reviewSummary(
  deps: Pick<Deps, "db">,
  raw: z.input<typeof ProductReviewsInput>,
): Promise<ReviewSummaryDto> {
  const input = ProductReviewsInput.parse(raw);
  const rows = await rowsOf<{ rating: number | null; n: number }>(deps.db, summarySql(input.productId));
  if (rows.length === 0) throw productNotFound();
  const byStars = new Map(rows.map((r) => [Number(r.rating), Number(r.n)]));
  const histogram = ([5, 4, 3, 2, 1] as const).map((stars) => ({ stars, count: byStars.get(stars) ?? 0 }));
  const count = histogram.reduce((n, b) => n + b.count, 0);
  const total = histogram.reduce((n, b) => n + b.stars * b.count, 0);
  return {
    productId: input.productId,
    average: count === 0 ? 0 : Math.round((total / count) * 10) / 10,
    count,
    histogram,
  };
}
