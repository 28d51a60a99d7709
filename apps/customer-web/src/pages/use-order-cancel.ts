import { useFormError, useTRPC } from "@bazaar/client";
import type { OrderDto } from "@bazaar/schemas";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { cancelSummary } from "../orders/order-rules";
import { useOrderChanged } from "../orders/use-payment";

/** Cancelling the whole order or one shop's part: which is being asked about, and the call. */
export function useOrderCancel(order: OrderDto) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<{ subOrderId?: string } | null>(null);
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: async (updated, input) => {
        setNotice(cancelSummary(order, input.subOrderId).done);
        setCancelling(null);
        await changed(updated);
      },
    }),
  );
  const error = useFormError(cancel.error);
  const open = (subOrderId?: string) => {
    cancel.reset();
    setNotice(null);
    setCancelling(subOrderId ? { subOrderId } : {});
  };
  const submit = (reason: string) =>
    cancel.mutate({
      orderId: order.id,
      ...(cancelling?.subOrderId && { subOrderId: cancelling.subOrderId }),
      ...(reason && { reason }),
    });
  return {
    notice,
    cancelling,
    summary: cancelling ? cancelSummary(order, cancelling.subOrderId) : null,
    open,
    close: () => setCancelling(null),
    submit,
    pending: cancel.isPending,
    error,
  };
}
