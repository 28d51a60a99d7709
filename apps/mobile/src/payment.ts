import { useTRPC } from "@bazaar/client";
import type { OrderDto } from "@bazaar/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as Linking from "expo-linking";
import { router } from "expo-router";
import * as WebBrowser from "expo-web-browser";
import { useState } from "react";
import { Platform } from "react-native";

/** One key per checkout attempt: a double tap or a retried request places one order. */
export const newIdempotencyKey = () =>
  `mob-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** Where the payment page sends the customer back: this app, at /payment-return. */
export function paymentReturnUrl(orderId: string): string {
  if (Platform.OS === "web") return `${window.location.origin}/payment-return?order=${orderId}`;
  return Linking.createURL("/payment-return", { queryParams: { order: orderId } });
}

/** The gateway's page with our return address instead of the customer website's. */
export function withReturnUrl(checkoutUrl: string, returnUrl: string): string {
  const url = new URL(checkoutUrl);
  url.searchParams.set("return_url", returnUrl);
  return url.toString();
}

export type PaymentResult =
  | { kind: "success"; razorpayOrderId: string; razorpayPaymentId: string; signature: string }
  | { kind: "failure"; description: string };

/** Razorpay's result (or the dev page's, same names) from the return address's query. */
export function readPaymentResult(
  params: Record<string, string | string[] | undefined>,
): PaymentResult | null {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const [o, p, s] = [one("razorpay_order_id"), one("razorpay_payment_id"), one("razorpay_signature")];
  if (o && p && s) return { kind: "success", razorpayOrderId: o, razorpayPaymentId: p, signature: s };
  const description = one("error[description]");
  if (description || one("error[code]"))
    return { kind: "failure", description: description || "The payment did not go through." };
  return null;
}

/**
 * Paying online. The dev gateway (no Razorpay keys on the server) is a hosted page: on a
 * phone it opens in an in-app browser that closes when the page sends the customer back
 * through the app's deep link; on the web the tab goes there and comes back to
 * /payment-return. With keys, the web build opens Razorpay Checkout's own window.
 */
export function usePayment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const confirm = useMutation(
    trpc.payments.confirm.mutationOptions({
      onSuccess: (order) => {
        queryClient.setQueryData(trpc.orders.byId.queryKey({ orderId: order.id }), order);
        void queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
      },
    }),
  );
  const toOrder = (orderId: string) => router.replace(`/order/${orderId}`);

  const pay = async (order: OrderDto) => {
    setError(null);
    const p = order.payment;
    if (!p) return setError("We could not start the payment just now. Try again in a moment.");
    if (p.gateway === "dev") {
      if (!p.checkoutUrl) return setError("The payment page is not available.");
      const returnUrl = paymentReturnUrl(order.id);
      const url = withReturnUrl(p.checkoutUrl, returnUrl);
      if (Platform.OS === "web") {
        window.location.assign(url);
        return;
      }
      const result = await WebBrowser.openAuthSessionAsync(url, returnUrl.split("?")[0]);
      if (result.type === "success") {
        const parsed = readPaymentResult(Linking.parse(result.url).queryParams ?? {});
        if (parsed?.kind === "success") await confirm.mutateAsync(parsed).catch(() => undefined);
        if (parsed?.kind === "failure") setError(parsed.description);
      }
      await queryClient.invalidateQueries(trpc.orders.byId.queryFilter({ orderId: order.id }));
      toOrder(order.id);
      return;
    }
    // A card order placed on the website (Stripe's Payment Element) is paid there.
    if (p.gateway === "stripe")
      return setError("This order is paid by card on bazaar's website: open your order there to pay.");
    if (Platform.OS !== "web")
      return setError("Razorpay payments open on bazaar's website for now; choose cash on delivery here.");
    try {
      const Razorpay = await loadRazorpay();
      new Razorpay({
        key: p.keyId,
        order_id: p.razorpayOrderId,
        amount: p.amount,
        currency: p.currency,
        name: "Bazaar",
        description: `Order ${order.number}`,
        prefill: p.prefill,
        handler: (r: Record<string, string>) =>
          confirm.mutate(
            {
              razorpayOrderId: r.razorpay_order_id ?? "",
              razorpayPaymentId: r.razorpay_payment_id ?? "",
              signature: r.razorpay_signature ?? "",
            },
            { onSettled: () => toOrder(order.id) },
          ),
        modal: { ondismiss: () => toOrder(order.id) },
      }).open();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { pay, confirm, error };
}

type RazorpayCtor = new (options: Record<string, unknown>) => { open(): void };
let loading: Promise<RazorpayCtor> | null = null;
function loadRazorpay(): Promise<RazorpayCtor> {
  const w = window as unknown as { Razorpay?: RazorpayCtor };
  if (w.Razorpay) return Promise.resolve(w.Razorpay);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "https://checkout.razorpay.com/v1/checkout.js";
    script.onload = () => (w.Razorpay ? resolve(w.Razorpay) : reject(new Error("Could not open Razorpay.")));
    script.onerror = () => {
      loading = null;
      reject(new Error("Could not open Razorpay. Check your connection and try again."));
    };
    document.head.append(script);
  });
  return loading;
}
