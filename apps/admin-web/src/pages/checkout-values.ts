import { formatRupees } from "@bazaar/client/format";
import type { CheckoutSettings } from "@bazaar/schemas";
import { paiseToRupeesText, parseCount, parseRupees } from "@bazaar/ui";

/** The checkout settings as typed: rupees for money, blank for "never free" and "no cap". */
export type CheckoutValues = {
  shippingFlatFee: string;
  freeShippingAbove: string;
  maxQtyPerLine: string;
  maxUnitsPerOrder: string;
  codMaxOrderValue: string;
};

export type CheckoutSettingsFields = Pick<
  CheckoutSettings,
  "shippingFlatFee" | "freeShippingAbove" | "maxQtyPerLine" | "maxUnitsPerOrder" | "codMaxOrderValue"
>;

export const checkoutValues = (s: CheckoutSettingsFields): CheckoutValues => ({
  shippingFlatFee: paiseToRupeesText(s.shippingFlatFee),
  freeShippingAbove: s.freeShippingAbove === null ? "" : paiseToRupeesText(s.freeShippingAbove),
  maxQtyPerLine: String(s.maxQtyPerLine),
  maxUnitsPerOrder: String(s.maxUnitsPerOrder),
  codMaxOrderValue: s.codMaxOrderValue === null ? "" : paiseToRupeesText(s.codMaxOrderValue),
});

/** The settings to save, or the problem beside each field (keyed like the API's field errors). */
export function checkoutPayload(
  values: CheckoutValues,
): { ok: true; settings: CheckoutSettingsFields } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const fee = parseRupees(values.shippingFlatFee);
  if (!fee.ok) errors.shippingFlatFee = fee.error.replace("a price", "the fee (0 for free shipping)");
  const free = values.freeShippingAbove.trim() ? parseRupees(values.freeShippingAbove) : null;
  if (free && !free.ok) errors.freeShippingAbove = free.error.replace("a price", "an amount");
  const perLine = parseCount(values.maxQtyPerLine, "The limit", 1, 1000);
  if (!perLine.ok) errors.maxQtyPerLine = perLine.error;
  const perOrder = parseCount(values.maxUnitsPerOrder, "The limit", 1, 10_000);
  if (!perOrder.ok) errors.maxUnitsPerOrder = perOrder.error;
  const cod = values.codMaxOrderValue.trim() ? parseRupees(values.codMaxOrderValue) : null;
  if (cod && !cod.ok) errors.codMaxOrderValue = cod.error.replace("a price", "an amount");
  if (!fee.ok || (free && !free.ok) || !perLine.ok || !perOrder.ok || (cod && !cod.ok))
    return { ok: false, errors };
  return {
    ok: true,
    settings: {
      shippingFlatFee: fee.paise,
      freeShippingAbove: free ? free.paise : null,
      maxQtyPerLine: perLine.n,
      maxUnitsPerOrder: perOrder.n,
      codMaxOrderValue: cod ? cod.paise : null,
    },
  };
}

/** "₹49 per shop, free when a shop's items reach ₹499." */
export function shippingSummary(s: Pick<CheckoutSettings, "shippingFlatFee" | "freeShippingAbove">): string {
  if (s.shippingFlatFee === 0) return "Shipping is always free.";
  const fee = `${formatRupees(s.shippingFlatFee)} shipping per shop`;
  return s.freeShippingAbove === null
    ? `${fee}, whatever the order.`
    : `${fee}, free when a shop's items reach ${formatRupees(s.freeShippingAbove)}.`;
}

/** "Cash on delivery for orders up to ₹5,000." */
export function codSummary(s: Pick<CheckoutSettings, "codMaxOrderValue">): string {
  return s.codMaxOrderValue === null
    ? "Cash on delivery for orders of any size, from shops that accept it."
    : `Cash on delivery for orders up to ${formatRupees(s.codMaxOrderValue)}, from shops that accept it.`;
}
