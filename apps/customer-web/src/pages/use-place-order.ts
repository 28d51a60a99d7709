import { toFormError, useTRPC } from "@bazaar/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { newIdempotencyKey, sendsBackToCart } from "../orders/order-rules";
import { usePayment } from "../orders/use-payment";

/**
 * Places the order and, for online payment, opens the payment straight after. One
 * idempotency key per visit, so a double click or a retried request can only ever place one
 * order. A cart that changed under the customer sends them back to the cart to see why.
 */
export function usePlaceOrder() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);

  const toOrder = (orderId: string, placed = false) =>
    navigate(`/orders/${orderId}`, { replace: true, state: placed ? { placed: true } : null });
  const payment = usePayment({ onPaid: (o) => toOrder(o.id), onDismiss: (o) => toOrder(o.id) });
  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      onSuccess: async (order) => {
        queryClient.setQueryData(trpc.orders.byId.queryKey({ orderId: order.id }), order);
        void queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
        void queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        if (order.paymentMethod === "razorpay" && order.payment) await payment.pay(order);
        else toOrder(order.id, true);
      },
      onError: async (error) => {
        const { reason, message } = toFormError(error);
        if (!sendsBackToCart(reason)) return;
        await queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        navigate("/cart", { state: { checkoutMessage: message } });
      },
    }),
  );
  return { place, payment, idempotencyKey };
}
