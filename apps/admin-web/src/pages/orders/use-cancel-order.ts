import { useFormError, useTRPC } from "@bazaar/client";
import type { AdminOrderDto } from "@bazaar/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/** An admin cancelling a whole order or one shop's part of it, with a reason the audit log keeps. */
export function useCancelOrder(o: AdminOrderDto) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState<{ subOrderId?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.admin.orders.cancel.mutationOptions({
      onSuccess: async (updated, input) => {
        setCancelling(null);
        const part = input.subOrderId && o.subOrders.find((s) => s.id === input.subOrderId);
        setNotice(
          `${part ? `${part.number} from ${part.seller.shopName} is` : `Order ${o.number} is`} cancelled. ` +
            "The customer and the shop have been told. Anything paid online is refunded shortly; the refunded amount shows here once the gateway has taken it.",
        );
        queryClient.setQueryData(trpc.admin.orders.byId.queryKey({ orderId: o.id }), updated);
        await queryClient.invalidateQueries(trpc.admin.orders.list.pathFilter());
      },
    }),
  );
  const error = useFormError(cancel.error);
  const open = (subOrderId?: string) => {
    cancel.reset();
    setNotice(null);
    setCancelling(subOrderId ? { subOrderId } : {});
  };
  const target = cancelling?.subOrderId ? o.subOrders.find((s) => s.id === cancelling.subOrderId) : null;
  return {
    notice,
    asking: cancelling !== null,
    /** The part being cancelled; null for the whole order. */
    target,
    open,
    close: () => setCancelling(null),
    submit: (reason: string) =>
      cancel.mutate({ orderId: o.id, reason, ...(target && { subOrderId: target.id }) }),
    pending: cancel.isPending,
    error,
  };
}
