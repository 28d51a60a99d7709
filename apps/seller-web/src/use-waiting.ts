import { useTRPC } from "@bazaar/client";
import { useQuery } from "@tanstack/react-query";

const FIRST_PAGE = { limit: 20 } as const;
const FRESH_FOR = 60_000;

/**
 * What waits on the seller, as first pages of the lists the pages show: the nav reads two of
 * them and the dashboard all four, from one cache. The pages' mutations invalidate the lists,
 * so the counts follow.
 */
function useWaitingOptions() {
  const trpc = useTRPC();
  return {
    toDecide: trpc.seller.returns.list.queryOptions({ ...FIRST_PAGE, status: "requested" }),
    comingBack: trpc.seller.returns.list.queryOptions({ ...FIRST_PAGE, status: "approved" }),
    openQuestions: trpc.seller.questions.list.queryOptions({ ...FIRST_PAGE, status: "open" }),
    unreplied: trpc.seller.reviews.list.queryOptions({ ...FIRST_PAGE, unreplied: true }),
  };
}

/** Returns to decide and open questions, for the nav. */
export function useNavWaiting(enabled: boolean) {
  const o = useWaitingOptions();
  return {
    toDecide: useQuery({ ...o.toDecide, enabled, staleTime: FRESH_FOR }),
    openQuestions: useQuery({ ...o.openQuestions, enabled, staleTime: FRESH_FOR }),
  };
}

/** Everything after delivery that waits, for the dashboard. */
export function useWaiting() {
  const o = useWaitingOptions();
  return {
    toDecide: useQuery({ ...o.toDecide, staleTime: FRESH_FOR }),
    comingBack: useQuery({ ...o.comingBack, staleTime: FRESH_FOR }),
    openQuestions: useQuery({ ...o.openQuestions, staleTime: FRESH_FOR }),
    unreplied: useQuery({ ...o.unreplied, staleTime: FRESH_FOR }),
  };
}
