import { useTRPC } from "@bazaar/client";
import type { AdminReturnDto } from "@bazaar/schemas";
import { useQueryClient } from "@tanstack/react-query";

/**
 * After a decision or a payment: the return's own page takes the answer at once, and every
 * list of returns and the order (its refunds) are read again.
 */
export function useReturnRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (updated: AdminReturnDto) => {
    queryClient.setQueryData(trpc.admin.returns.get.queryKey({ id: updated.id }), updated);
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.returns.list.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.orders.pathFilter()),
    ]);
  };
}
