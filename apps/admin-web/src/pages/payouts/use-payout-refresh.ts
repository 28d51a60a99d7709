import { useTRPC } from "@bazaar/client";
import { useQueryClient } from "@tanstack/react-query";

/**
 * After a decision: every tab of the queue and the seller's balances and ledger are stale
 * (an approval moves the payout between tabs, a rejection returns money to available).
 */
export function usePayoutRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (sellerId: string) => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.payouts.list.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.ledger.balances.queryFilter({ sellerId })),
      queryClient.invalidateQueries(trpc.admin.ledger.list.pathFilter()),
    ]);
  };
}
