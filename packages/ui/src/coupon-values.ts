import { formatCount, formatDate, formatPercent, formatRupees } from "@bazaar/client/format";
import type { CouponDto } from "@bazaar/schemas";
import { parseDateTimeLocal, toDateTimeLocal } from "./datetime";
import { paiseToRupeesText, parseRupees } from "./money";
import { bpsToPercentText, parseCount, parsePercent } from "./numbers";

/** A coupon as typed into the form: amounts in rupees, the percentage in %, times as text in India. */
export type CouponValues = {
  code: string;
  description: string;
  kind: CouponDto["kind"];
  percent: string;
  amountOff: string;
  maxDiscount: string;
  minSubtotal: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  firstOrderOnly: boolean;
  categoryIds: string[];
  productIds: string[];
};

/** Everything a coupon is made of except its code, as the create and update calls take it. */
export type CouponFieldsInput = {
  description: string;
  kind: CouponDto["kind"];
  percentBps: number | null;
  amountOff: number | null;
  maxDiscount: number | null;
  minSubtotal: number;
  startsAt?: Date;
  endsAt?: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  firstOrderOnly: boolean;
  categoryIds: string[];
  productIds: string[];
};

/** Field paths as the API reports them, in form order. */
export const COUPON_FIELDS = [
  "code",
  "description",
  "kind",
  "percentBps",
  "amountOff",
  "maxDiscount",
  "minSubtotal",
  "startsAt",
  "endsAt",
  "usageLimit",
  "perCustomerLimit",
  "firstOrderOnly",
  "categoryIds",
  "productIds",
] as const;

export function couponValues(c?: CouponDto): CouponValues {
  return {
    code: c?.code ?? "",
    description: c?.description ?? "",
    kind: c?.kind ?? "percent",
    percent: c?.percentBps ? bpsToPercentText(c.percentBps) : "",
    amountOff: c?.amountOff ? paiseToRupeesText(c.amountOff) : "",
    maxDiscount: c?.maxDiscount ? paiseToRupeesText(c.maxDiscount) : "",
    minSubtotal: c?.minSubtotal ? paiseToRupeesText(c.minSubtotal) : "",
    startsAt: c ? toDateTimeLocal(c.startsAt) : "",
    endsAt: c?.endsAt ? toDateTimeLocal(c.endsAt) : "",
    usageLimit: c?.usageLimit ? String(c.usageLimit) : "",
    perCustomerLimit: c?.perCustomerLimit ? String(c.perCustomerLimit) : "",
    firstOrderOnly: c?.firstOrderOnly ?? false,
    categoryIds: c?.categoryIds ?? [],
    productIds: c?.productIds ?? [],
  };
}

export type CouponPayload =
  | { ok: true; fields: CouponFieldsInput }
  | { ok: false; errors: Record<string, string> };

/**
 * The call's fields, or the problems to show beside each (keyed like the API's field
 * errors). Blank optional fields mean "none"; a blank required one is left for the server
 * to name. Given the values the form started from, times left as they were are not sent,
 * so editing a coupon does not move its window by the seconds the inputs cannot show.
 */
export function couponPayload(values: CouponValues, initial?: CouponValues): CouponPayload {
  const errors: Record<string, string> = {};
  const rupees = (key: string, text: string): number | null => {
    if (!text.trim()) return null;
    const parsed = parseRupees(text);
    if (parsed.ok) return parsed.paise;
    errors[key] = parsed.error.replace("a price", "an amount");
    return null;
  };
  const count = (key: string, text: string, label: string, max: number): number | null => {
    if (!text.trim()) return null;
    const parsed = parseCount(text, label, 1, max);
    if (parsed.ok) return parsed.n;
    errors[key] = parsed.error;
    return null;
  };
  const when = (key: string, text: string): Date | null => {
    if (!text.trim()) return null;
    const parsed = parseDateTimeLocal(text);
    if (parsed.ok) return parsed.date;
    errors[key] = parsed.error;
    return null;
  };

  const percent = values.kind === "percent";
  let percentBps: number | null = null;
  if (percent && values.percent.trim()) {
    const parsed = parsePercent(values.percent);
    if (parsed.ok) percentBps = parsed.bps;
    else errors.percentBps = parsed.error;
  }
  const amountOff = percent ? null : rupees("amountOff", values.amountOff);
  const maxDiscount = percent ? rupees("maxDiscount", values.maxDiscount) : null;
  const minSubtotal = rupees("minSubtotal", values.minSubtotal) ?? 0;
  const startsAt = when("startsAt", values.startsAt);
  const endsAt = when("endsAt", values.endsAt);
  const usageLimit = count("usageLimit", values.usageLimit, "Usage limit", 10_000_000);
  const perCustomerLimit = count("perCustomerLimit", values.perCustomerLimit, "Uses per customer", 1000);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const fields: CouponFieldsInput = {
    description: values.description.trim(),
    kind: values.kind,
    percentBps,
    amountOff,
    maxDiscount,
    minSubtotal,
    usageLimit,
    perCustomerLimit,
    firstOrderOnly: values.firstOrderOnly,
    categoryIds: values.categoryIds,
    productIds: values.productIds,
  };
  if (startsAt && values.startsAt !== initial?.startsAt) fields.startsAt = startsAt;
  if (!initial || values.endsAt !== initial.endsAt) fields.endsAt = endsAt;
  return { ok: true, fields };
}

/** "10% off, up to ₹200 · on ₹999 or more · first order only". */
export function describeCoupon(
  c: Pick<
    CouponDto,
    "kind" | "percentBps" | "amountOff" | "maxDiscount" | "minSubtotal" | "firstOrderOnly"
  > & { productIds: readonly string[]; categoryIds: readonly string[] },
): string {
  const off =
    c.kind === "percent"
      ? `${formatPercent(c.percentBps ?? 0)} off${c.maxDiscount ? `, up to ${formatRupees(c.maxDiscount)}` : ""}`
      : `${formatRupees(c.amountOff ?? 0)} off`;
  const parts = [off];
  if (c.minSubtotal > 0) parts.push(`on ${formatRupees(c.minSubtotal)} or more`);
  if (c.productIds.length > 0)
    parts.push(`${c.productIds.length} product${c.productIds.length === 1 ? "" : "s"}`);
  if (c.categoryIds.length > 0)
    parts.push(`${c.categoryIds.length} categor${c.categoryIds.length === 1 ? "y" : "ies"}`);
  if (c.firstOrderOnly) parts.push("first order only");
  return parts.join(" · ");
}

/** "1 Mar 2025 – 31 Mar 2025", or "From 1 Mar 2025" when it never ends. */
export const couponWindow = (c: Pick<CouponDto, "startsAt" | "endsAt">) =>
  c.endsAt ? `${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}` : `From ${formatDate(c.startsAt)}`;

/** "3 used of 100", "3 used". */
export const couponUsage = (c: Pick<CouponDto, "usedCount" | "usageLimit">) =>
  `${formatCount(c.usedCount)} used${c.usageLimit ? ` of ${formatCount(c.usageLimit)}` : ""}`;

/** The notice once a coupon form has saved. */
export const couponSavedNotice = (saved: CouponDto, edited: CouponDto | undefined) =>
  edited ? `Saved ${saved.code}.` : `Created ${saved.code}.`;

/** The notice once a coupon has been enabled or disabled. */
export const couponActiveNotice = (updated: CouponDto) =>
  `${updated.code} is ${updated.active ? "enabled" : "disabled"}.`;
