import { invalidField } from "../../errors";
import type { GatewayOrder } from "../../platform/payment-gateway";
import type { CheckoutFailureParams, CheckoutSuccessParams } from "./dev-gateway";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** ₹1,23,456.50 from integer paise, without going through a float. */
function formatPaise(paise: number): string {
  const rupees = Math.trunc(paise / 100);
  const rest = String(Math.abs(paise % 100)).padStart(2, "0");
  return `₹${new Intl.NumberFormat("en-IN").format(rupees)}.${rest}`;
}

/**
 * The return URL must point at one of our own web apps (an allow-list of origins, e.g.
 * config.corsOrigins), or the dev page would be an open redirect. Check it before rendering
 * the page and again before redirecting.
 */
export function checkDevReturnUrl(returnUrl: string, allowedOrigins: readonly string[]): URL {
  let url: URL | undefined;
  try {
    url = new URL(returnUrl);
  } catch {
    url = undefined;
  }
  // An app's deep link (bazaar://payment-return) has no origin: its scheme must be listed ("bazaar:").
  const allowed =
    url &&
    (allowedOrigins.includes(url.origin) || (url.origin === "null" && allowedOrigins.includes(url.protocol)));
  if (!url || !allowed)
    throw invalidField(
      "returnUrl",
      "payment.return_url_not_allowed",
      "The return address is not one of ours.",
    );
  return url;
}

/**
 * Where the browser goes after the dev page, carrying what Razorpay Checkout hands back:
 * `razorpay_order_id`, `razorpay_payment_id`, `razorpay_signature` on success, or the
 * `error[code]`, `error[description]`, `error[source]`, `error[step]`, `error[reason]`,
 * `error[metadata]` (JSON) fields Razorpay posts to a callback_url on failure — here as
 * query parameters, since the web apps are single-page apps.
 */
export function devReturnUrl(
  returnUrl: string,
  params: CheckoutSuccessParams | CheckoutFailureParams,
  allowedOrigins: readonly string[],
): string {
  const url = checkDevReturnUrl(returnUrl, allowedOrigins);
  if ("error" in params) {
    const { metadata, ...fields } = params.error;
    for (const [k, v] of Object.entries(fields)) url.searchParams.set(`error[${k}]`, v);
    url.searchParams.set("error[metadata]", JSON.stringify(metadata));
  } else {
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  }
  return url.toString();
}

/**
 * The hosted dev checkout page: the order, and Pay / Fail buttons that POST
 * (application/x-www-form-urlencoded) `order_id`, `return_url` and `outcome` (pay|fail) to
 * `actionUrl`, where the host calls completeDevPayment. Self-contained: inline styles, no
 * scripts, no external assets; every interpolated value is escaped.
 */
export function renderDevCheckoutPage(input: {
  order: GatewayOrder;
  /** The host's endpoint that settles the payment, e.g. /dev/checkout/complete. */
  actionUrl: string;
  returnUrl: string;
  merchantName?: string;
  description?: string;
}): string {
  const { order, actionUrl, returnUrl } = input;
  const e = escapeHtml;
  const paid = order.status === "paid";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Dev checkout · ${e(formatPaise(order.amount))}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1b1d21; margin: 0; }
  main { max-width: 26rem; margin: 4rem auto; background: #fff; border-radius: 12px; padding: 2rem;
         box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  .badge { display: inline-block; font-size: .75rem; font-weight: 600; letter-spacing: .04em; color: #8a5a00;
           background: #fff3d6; border-radius: 999px; padding: .15rem .6rem; }
  h1 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
  .amount { font-size: 2rem; font-weight: 700; margin: .5rem 0 1rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; font-size: .875rem; color: #555; }
  dd { margin: 0; word-break: break-all; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { flex: 1; font: inherit; font-weight: 600; border: 0; border-radius: 8px; padding: .75rem; cursor: pointer; }
  .pay { background: #1a7f37; color: #fff; } .fail { background: #e5e7eb; color: #b42318; }
  p.note { font-size: .8rem; color: #777; margin-top: 1.25rem; }
</style>
</head>
<body>
<main>
  <span class="badge">DEV GATEWAY · NO MONEY MOVES</span>
  <h1>${e(input.merchantName ?? "Bazaar")}</h1>
  ${input.description ? `<div>${e(input.description)}</div>` : ""}
  <div class="amount">${e(formatPaise(order.amount))}</div>
  <dl>
    <dt>Order</dt><dd>${e(order.id)}</dd>
    <dt>Receipt</dt><dd>${e(order.receipt)}</dd>
    <dt>Status</dt><dd>${e(order.status)}</dd>
  </dl>
  <form method="post" action="${e(actionUrl)}">
    <input type="hidden" name="order_id" value="${e(order.id)}">
    <input type="hidden" name="return_url" value="${e(returnUrl)}">
    <div class="actions">
      <button class="pay" type="submit" name="outcome" value="pay">${paid ? "Already paid · continue" : "Pay"}</button>
      ${paid ? "" : '<button class="fail" type="submit" name="outcome" value="fail">Fail payment</button>'}
    </div>
  </form>
  <p class="note">This page stands in for Razorpay Checkout because no Razorpay keys are configured.</p>
</main>
</body>
</html>
`;
}
