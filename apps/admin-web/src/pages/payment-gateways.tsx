import { useFormError, useTRPC } from "@bazaar/client";
import type { PaymentGatewayDto } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

const NAMES: Record<PaymentGatewayDto["method"], { label: string; hint: string }> = {
  razorpay: { label: "Razorpay", hint: "UPI, cards, net banking and wallets." },
  stripe: { label: "Stripe", hint: "Credit and debit cards, in rupees, in Stripe's card form." },
  cod: { label: "Cash on delivery", hint: "Within the checkout's cash limit, for shops that accept it." },
};

/** What a gateway's line says about the server behind it. */
function status(g: PaymentGatewayDto): string {
  if (!g.configured)
    return g.method === "razorpay"
      ? "Not set up on this server: set RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET to turn it on."
      : "Not set up on this server: set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET to turn it on.";
  if (g.dev) return "No Razorpay keys: the local dev gateway stands in (no money moves).";
  return g.offered ? "Offered at checkout." : "Off: not offered at checkout.";
}

/**
 * `/settings/payments`: which ways to pay the checkout offers, each saved at once. A gateway
 * the server has no keys for cannot be turned on, and one way to pay must stay on; orders
 * already placed are settled and refunded by their own gateway whatever is chosen here.
 */
export function PaymentGatewaysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const gateways = useQuery(trpc.admin.payments.gateways.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  // Shown as chosen at once; the saved state (or the old one, if refused) replaces it.
  const [chosen, setChosen] = useState<Partial<Record<PaymentGatewayDto["method"], boolean>>>({});
  const save = useMutation(
    trpc.admin.payments.setGateways.mutationOptions({
      onMutate: () => setNotice(null),
      onSettled: () => setChosen({}),
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.admin.payments.gateways.queryKey(), saved);
        void queryClient.invalidateQueries(trpc.checkout.paymentOptions.queryFilter());
        setNotice("Saved. The checkout offers the ways to pay that are on.");
      },
    }),
  );
  const loadError = useFormError(gateways.error);
  const saveError = useFormError(save.error);
  return (
    <Page title="Payments" description="Choose the ways customers can pay at checkout.">
      {gateways.data ? (
        <Card testId="payment-gateways">
          {notice && (
            <Alert tone="success" testId="payment-gateways-saved">
              {notice}
            </Alert>
          )}
          <ErrorAlert error={saveError} />
          <fieldset className="bz-subform">
            <legend>Ways to pay</legend>
            {gateways.data.gateways.map((g) => (
              <div key={g.method} className="bz-stack">
                <label className="bz-checkbox" htmlFor={`gateway-${g.method}`}>
                  <input
                    id={`gateway-${g.method}`}
                    type="checkbox"
                    checked={chosen[g.method] ?? (g.enabled && g.configured)}
                    disabled={save.isPending || !g.configured}
                    aria-describedby={`gateway-${g.method}-hint`}
                    onChange={(e) => {
                      setChosen({ [g.method]: e.target.checked });
                      save.mutate({ [g.method]: e.target.checked });
                    }}
                    data-testid={`gateway-${g.method}`}
                  />
                  {NAMES[g.method].label}
                </label>
                <p id={`gateway-${g.method}-hint`} className="bz-field__hint">
                  {NAMES[g.method].hint} {status(g)}
                </p>
              </div>
            ))}
          </fieldset>
        </Card>
      ) : gateways.error ? (
        <ErrorAlert error={loadError} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
