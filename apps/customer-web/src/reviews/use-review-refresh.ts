import { useTRPC } from "@bazaar/client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

/**
 * After a review is written, edited or deleted: the list, the summary, the caller's
 * eligibility and own reviews, and the product's star figures all change.
 */
export function useReviewRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => {
    for (const filter of [
      trpc.reviews.list.pathFilter(),
      trpc.reviews.summary.pathFilter(),
      trpc.reviews.eligibility.pathFilter(),
      trpc.reviews.mine.pathFilter(),
      trpc.catalog.products.bySlug.pathFilter(),
    ])
      void queryClient.invalidateQueries(filter);
  }, [trpc, queryClient]);
}
