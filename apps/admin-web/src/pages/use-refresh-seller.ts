import { useTRPC } from "@bazaar/client";
import type { SellerDto } from "@bazaar/schemas";
import { useQueryClient } from "@tanstack/react-query";

/** After a change to a seller: the answer replaces the page's copy at once, then the lists are read again. */
export function useRefreshSeller(sellerId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (updated: SellerDto) => {
    queryClient.setQueryData(trpc.admin.sellers.byId.queryKey({ sellerId }), updated);
    await queryClient.invalidateQueries(trpc.admin.sellers.list.pathFilter());
  };
}
