import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { OrderDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Loading } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useOrderChanged } from "./use-payment";

/** Stripe.js: loaded from Stripe at run time, only when someone pays by card (never bundled). */
export const STRIPE_JS = "https://js.stripe.com/v3";

type StripeElement = { mount(el: HTMLElement): void; destroy(): void };
type StripeElements = { create(type: "payment", options?: object): StripeElement };
type StripeJs = {
  elements(options: { clientSecret: string; appearance?: object }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    confirmParams: { return_url: string };
    redirect: "if_required";
  }): Promise<{ error?: { message?: string } }>;
};
type StripeFactory = (publishableKey: string) => StripeJs;

let loading: Promise<StripeFactory> | null = null;

/** Adds Stripe.js to the page once; a failed load may be tried again. */
function loadStripeJs(): Promise<StripeFactory> {
  const loaded = (window as { Stripe?: StripeFactory }).Stripe;
  if (loaded) return Promise.resolve(loaded);
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = STRIPE_JS;
    script.async = true;
    const fail = () => {
      loading = null;
      script.remove();
      reject(new Error("Could not load Stripe's card form. Check your connection and try again."));
    };
    script.onload = () => {
      const Stripe = (window as { Stripe?: StripeFactory }).Stripe;
      if (Stripe) resolve(Stripe);
      else fail();
    };
    script.onerror = fail;
    document.head.append(script);
  });
  return loading;
}

/**
 * Paying a Stripe order on its page: Stripe's Payment Element, mounted with the intent's
 * client secret. Whatever the browser sees, the server decides: after Stripe answers (or
 * the buyer comes back from a bank's page with `redirect_status` in the address) we call
 * `payments.confirmStripe`, which asks Stripe itself; the webhook settles it otherwise.
 */
export function StripePayment({ order }: { order: OrderDto }) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const [params, setParams] = useSearchParams();
  const mountRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ stripe: StripeJs; elements: StripeElements } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const confirm = useMutation(trpc.payments.confirmStripe.mutationOptions({ onSuccess: changed }));
  const start = useMutation(trpc.payments.start.mutationOptions({ onSuccess: changed }));
  const error = useFormError(confirm.error ?? start.error ?? loadError);
  const stripe = order.payment?.stripe ?? null;
  const clientSecret = stripe?.clientSecret ?? null;

  // Back from a redirect (3-D Secure, a bank): confirm once, then tidy the address.
  const returned = useRef(false);
  useEffect(() => {
    if (returned.current || !params.get("redirect_status")) return;
    returned.current = true;
    confirm.mutate({ orderId: order.id });
    const next = new URLSearchParams(params);
    for (const k of ["payment_intent", "payment_intent_client_secret", "redirect_status"]) next.delete(k);
    setParams(next, { replace: true, preventScrollReset: true });
  }, [params, setParams, confirm.mutate, order.id]);

  useEffect(() => {
    if (!stripe || !clientSecret || !mountRef.current) return;
    let element: StripeElement | null = null;
    let cancelled = false;
    loadStripeJs()
      .then((Stripe) => {
        if (cancelled || !mountRef.current) return;
        const s = Stripe(stripe.publishableKey);
        const elements = s.elements({ clientSecret, appearance: { theme: "stripe" } });
        element = elements.create("payment");
        element.mount(mountRef.current);
        setReady({ stripe: s, elements });
      })
      .catch((e: Error) => setLoadError(e));
    return () => {
      cancelled = true;
      element?.destroy();
    };
  }, [stripe, clientSecret]);

  const pay = async () => {
    if (!ready) return;
    setCardError(null);
    setPaying(true);
    try {
      const { error: failed } = await ready.stripe.confirmPayment({
        elements: ready.elements,
        confirmParams: { return_url: `${window.location.origin}/orders/${order.id}` },
        redirect: "if_required",
      });
      if (failed) setCardError(failed.message ?? "The card payment did not go through.");
      else confirm.mutate({ orderId: order.id });
    } finally {
      setPaying(false);
    }
  };

  if (order.paymentStatus !== "pending") return null;
  return (
    <Card title="Pay by card" testId="stripe-payment">
      <ErrorAlert error={error} />
      {confirm.isPending && <Loading label="Confirming your payment…" />}
      {cardError && (
        <Alert tone="error" title="Payment failed" testId="stripe-card-error">
          {cardError}
        </Alert>
      )}
      {!clientSecret ? (
        <>
          <p>We could not reach the card payment service just now.</p>
          <Button
            onClick={() => start.mutate({ orderId: order.id })}
            pending={start.isPending}
            data-testid="pay"
          >
            Try again
          </Button>
        </>
      ) : (
        <>
          <div ref={mountRef} data-testid="stripe-element" />
          {!ready && !loadError && <Loading label="Loading the card form…" />}
          <Button
            className="bz-mt"
            onClick={pay}
            disabled={!ready}
            pending={paying}
            pendingLabel="Paying…"
            data-testid="stripe-pay"
          >
            Pay {formatRupees(order.total)}
          </Button>
        </>
      )}
    </Card>
  );
}
