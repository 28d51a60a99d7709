/**
 * What the payment page handed back in the order page's address: Razorpay's signed result
 * (`razorpay_order_id`, `razorpay_payment_id`, `razorpay_signature`) on success, or its
 * `error[…]` fields on failure. The dev gateway's page redirects with the same names.
 */
export type PaymentReturn =
  | { kind: "success"; razorpayOrderId: string; razorpayPaymentId: string; signature: string }
  | { kind: "failure"; description: string; code: string | null; reason: string | null };

const SUCCESS = ["razorpay_order_id", "razorpay_payment_id", "razorpay_signature"] as const;

export function readPaymentReturn(params: URLSearchParams): PaymentReturn | null {
  const [orderId, paymentId, signature] = SUCCESS.map((k) => params.get(k)?.trim() ?? "");
  if (orderId && paymentId && signature)
    return { kind: "success", razorpayOrderId: orderId, razorpayPaymentId: paymentId, signature };
  const description = params.get("error[description]")?.trim();
  const code = params.get("error[code]")?.trim() || null;
  if (description || code)
    return {
      kind: "failure",
      description: description || "The payment did not go through.",
      code,
      reason: params.get("error[reason]")?.trim() || null,
    };
  return null;
}

/** The address without the payment result, so a reload does not hand it in again. */
export function withoutPaymentReturn(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of params)
    if (!key.startsWith("razorpay_") && !key.startsWith("error[")) next.append(key, value);
  return next;
}
