import { ReviewsListInput } from "@bazaar/schemas";
import { PgDialect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { publicPageSql } from "./list-product-reviews";
import { summarySql } from "./queries";

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * The exact SQL the product page's reviews and summary run for an input, for the benchmark's
 * bare routes, which send it straight to the driver.
 */
export function compiledReviewQueries(raw: z.input<typeof ReviewsListInput>, viewerId: string | null = null) {
  const input = ReviewsListInput.parse(raw);
  const list = dialect.sqlToQuery(publicPageSql(input, viewerId));
  const summary = dialect.sqlToQuery(summarySql(input.productId));
  return {
    list: { text: list.sql, params: list.params },
    summary: { text: summary.sql, params: summary.params },
  };
}
