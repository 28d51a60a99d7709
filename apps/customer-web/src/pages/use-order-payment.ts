import { useFormError, useTRPC } from "@bazaar/client";
import type { OrderDto } from "@bazaar/schemas";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { PaymentReturn } from "../orders/payment-return";
import { useOrderChanged, usePayment } from "../orders/use-payment";

/**
 * Paying for a placed order from its page: confirms a successful return from the payment page
 * once, remembers a failed one until the customer tries again, and starts a fresh payment.
 */
export function useOrderPayment(order: OrderDto, returned: PaymentReturn | null) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [failure, setFailure] = useState(returned?.kind === "failure" ? returned : null);
  const payment = usePayment({});
  const confirmOnce = useRef(false);
  useEffect(() => {
    if (returned?.kind !== "success" || confirmOnce.current) return;
    confirmOnce.current = true;
    payment.confirm({
      razorpayOrderId: returned.razorpayOrderId,
      razorpayPaymentId: returned.razorpayPaymentId,
      signature: returned.signature,
    });
  }, [returned, payment.confirm]);
  const start = useMutation(
    trpc.payments.start.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: async (fresh) => {
        await changed(fresh);
        await payment.pay(fresh);
      },
    }),
  );
  const error = useFormError(start.error ?? payment.error);
  return {
    payment,
    failure,
    error,
    pay: () => start.mutate({ orderId: order.id }),
    pending: start.isPending || payment.pending,
  };
}

export type OrderPayment = ReturnType<typeof useOrderPayment>;
