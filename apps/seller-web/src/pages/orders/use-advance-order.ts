import { useFormError, useTRPC } from "@bazaar/client";
import type { Page as ListPage, SellerSubOrderDto } from "@bazaar/schemas";
import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SellerAction } from "./order-actions";

/** After a move: the answer replaces the card at once, then the lists are read again. */
function useSubOrderChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (updated: SellerSubOrderDto) => {
    queryClient.setQueriesData<InfiniteData<ListPage<SellerSubOrderDto>>>(
      trpc.seller.orders.list.pathFilter(),
      (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({
                ...p,
                items: p.items.map((s) => (s.id === updated.id ? updated : s)),
              })),
            }
          : data,
    );
    await queryClient.invalidateQueries(trpc.seller.orders.list.pathFilter());
  };
}

/**
 * Moving one part of an order a step on. A step that needs more (the shipment's carrier, a
 * reason to cancel) opens its dialog first; the rest go straight to the server.
 */
export function useAdvanceOrder(s: SellerSubOrderDto, onNotice: (m: string | null) => void) {
  const trpc = useTRPC();
  const changed = useSubOrderChanged();
  const [asking, setAsking] = useState<SellerAction["asks"]>(null);
  const advance = useMutation(
    trpc.seller.orders.advance.mutationOptions({
      onMutate: () => onNotice(null),
      onSuccess: async (updated) => {
        setAsking(null);
        if (updated.status === "cancelled")
          onNotice(`${updated.number} is cancelled. The customer has been told.`);
        await changed(updated);
      },
    }),
  );
  const error = useFormError(advance.error);
  const act = (action: SellerAction) => {
    advance.reset();
    if (action.asks) setAsking(action.asks);
    else advance.mutate({ subOrderId: s.id, to: action.to });
  };
  return { advance, asking, close: () => setAsking(null), act, error };
}
