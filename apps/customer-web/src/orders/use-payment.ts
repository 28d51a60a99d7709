import { useTRPC } from "@bazaar/client";
import type { OrderDto } from "@bazaar/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";

/** Razorpay Checkout's script: loaded only when someone pays online through Razorpay. */
export const RAZORPAY_CHECKOUT_JS = "https://checkout.razorpay.com/v1/checkout.js";

type RazorpaySuccess = { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string };
type RazorpayOptions = {
  key: string;
  order_id: string;
  amount: number;
  currency: string;
  name: string;
  description: string;
  prefill: { name: string; email: string; contact: string };
  theme: { color: string };
  handler: (response: RazorpaySuccess) => void;
  modal: { ondismiss: () => void };
};
type RazorpayCheckout = new (options: RazorpayOptions) => { open(): void };

let loading: Promise<RazorpayCheckout> | null = null;

/** Adds checkout.js to the page once; a failed load may be tried again. */
function loadRazorpayCheckout(): Promise<RazorpayCheckout> {
  const loaded = (window as { Razorpay?: RazorpayCheckout }).Razorpay;
  if (loaded) return Promise.resolve(loaded);
  loading ??= new Promise<RazorpayCheckout>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = RAZORPAY_CHECKOUT_JS;
    script.async = true;
    const fail = () => {
      loading = null;
      script.remove();
      reject(new Error("Could not open Razorpay. Check your connection and try again."));
    };
    script.onload = () => {
      const Razorpay = (window as { Razorpay?: RazorpayCheckout }).Razorpay;
      if (Razorpay) resolve(Razorpay);
      else fail();
    };
    script.onerror = fail;
    document.head.append(script);
  });
  return loading;
}

/** After a call answers with an order: show that answer at once, and refresh the order lists. */
export function useOrderChanged(): (order: OrderDto) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (order: OrderDto) => {
      queryClient.setQueryData(trpc.orders.byId.queryKey({ orderId: order.id }), order);
      await queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
    },
    [trpc, queryClient],
  );
}

/**
 * Taking an online payment for an order: the dev gateway's hosted page (the browser leaves
 * and comes back to `/orders/:id` with the result in the address), or Razorpay Checkout's
 * modal, whose signed result is confirmed here with `payments.confirm`.
 */
export function usePayment(options: {
  /** The payment went through and was confirmed. */
  onPaid?: (order: OrderDto) => void;
  /** The customer closed Razorpay's window without paying. */
  onDismiss?: (order: OrderDto) => void;
}) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const { onPaid, onDismiss } = options;
  const confirm = useMutation(
    trpc.payments.confirm.mutationOptions({
      onSuccess: async (order) => {
        await changed(order);
        onPaid?.(order);
      },
    }),
  );
  const [opening, setOpening] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [openError, setOpenError] = useState<Error | null>(null);

  const pay = useCallback(
    async (order: OrderDto) => {
      setOpenError(null);
      const p = order.payment;
      if (!p) {
        setOpenError(new Error("We could not start the payment just now. Try again in a moment."));
        return;
      }
      if (p.gateway === "dev") {
        if (!p.checkoutUrl) {
          setOpenError(new Error("The payment page is not available."));
          return;
        }
        setLeaving(true);
        window.location.assign(p.checkoutUrl);
        return;
      }
      setOpening(true);
      try {
        const Razorpay = await loadRazorpayCheckout();
        new Razorpay({
          key: p.keyId,
          order_id: p.razorpayOrderId,
          amount: p.amount,
          currency: p.currency,
          name: "Bazaar",
          description: `Order ${order.number}`,
          prefill: p.prefill,
          theme: { color: "#0f766e" },
          handler: (r) =>
            confirm.mutate({
              razorpayOrderId: r.razorpay_order_id,
              razorpayPaymentId: r.razorpay_payment_id,
              signature: r.razorpay_signature,
            }),
          modal: { ondismiss: () => onDismiss?.(order) },
        }).open();
      } catch (error) {
        setOpenError(error as Error);
      } finally {
        setOpening(false);
      }
    },
    [confirm.mutate, onDismiss],
  );

  return {
    pay,
    /** Confirms a result handed back in the address (the dev gateway's page, or a reload). */
    confirm: confirm.mutate,
    confirmed: confirm.isSuccess,
    /** Opening Razorpay, confirming its result, or on the way to the payment page. */
    pending: opening || leaving || confirm.isPending,
    confirming: confirm.isPending,
    opening,
    leaving,
    error: confirm.error ?? openError,
  };
}
