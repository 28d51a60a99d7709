import { useTRPC } from "@bazaar/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Redirect, useLocalSearchParams } from "expo-router";
import { useEffect } from "react";
import { readPaymentResult } from "../src/payment";
import { Loading } from "../src/ui";

/**
 * Where the payment page sends the customer back (the web build's tab, or the deep link
 * bazaar://payment-return): a signed success is confirmed with the server, then the order.
 */
export default function PaymentReturn() {
  const params = useLocalSearchParams<Record<string, string>>();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const result = readPaymentResult(params);
  const confirm = useMutation(
    trpc.payments.confirm.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.orders.pathFilter()),
    }),
  );
  useEffect(() => {
    if (result?.kind === "success" && confirm.isIdle) confirm.mutate(result);
  }, [result, confirm]);
  const orderId = params.order;
  if (!orderId) return <Redirect href="/orders" />;
  if (result?.kind === "success" && (confirm.isIdle || confirm.isPending))
    return <Loading label="Confirming your payment" />;
  return <Redirect href={`/order/${orderId}`} />;
}
