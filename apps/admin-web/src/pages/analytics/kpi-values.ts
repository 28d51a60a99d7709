import { formatCount, formatRupees } from "@bazaar/client/format";
import type { AdminKpisDto, PaymentMethodName } from "@bazaar/schemas";
import { formatRatio } from "@bazaar/ui";

/** How a figure reads: money in rupees, a count, or a rate (0..1) as a percentage. */
export type KpiFormat = "money" | "count" | "rate";

export type AdminKpiDef = {
  key: keyof AdminKpisDto;
  label: string;
  format: KpiFormat;
  /** True when a rise is bad news (refunds), so the change reads in red. */
  lowerIsBetter?: boolean;
  hint?: string;
};

/** The admin's headline figures in the order the dashboards show them (definitions in schemas/analytics.ts). */
export const ADMIN_KPIS: readonly AdminKpiDef[] = [
  { key: "gmv", label: "GMV", format: "money", hint: "Totals of paid and cash-on-delivery orders" },
  { key: "netRevenue", label: "Net revenue", format: "money", hint: "GMV less cancellations and refunds" },
  { key: "commission", label: "Commission earned", format: "money" },
  { key: "orders", label: "Orders", format: "count" },
  { key: "averageOrderValue", label: "Average order value", format: "money" },
  { key: "newCustomers", label: "New customers", format: "count" },
  { key: "newSellers", label: "New sellers", format: "count" },
  {
    key: "refundRate",
    label: "Refund rate",
    format: "rate",
    lowerIsBetter: true,
    hint: "Cancelled and refunded, of GMV",
  },
];

/** The formatter of a kind of figure, for a KPI card, a chart or a table cell. */
export function kpiFormatter(format: KpiFormat): (n: number) => string {
  if (format === "money") return formatRupees;
  if (format === "rate") return formatRatio;
  return formatCount;
}

/** The options `describeChange` and `KpiCard` take for a figure: rates move in points. */
export const changeOptions = (def: AdminKpiDef) => ({
  format: kpiFormatter(def.format),
  lowerIsBetter: def.lowerIsBetter ?? false,
  changeAs: def.format === "rate" ? ("points" as const) : ("percent" as const),
});

/** "2026-11-01 to 2026-11-30", or the one day. */
export const periodText = (p: { from: string; to: string }) =>
  p.from === p.to ? p.from : `${p.from} to ${p.to}`;

/** The payment split names the gateway (an order's own page just says "Online payment"). */
const SPLIT_METHOD_LABEL: Record<PaymentMethodName, string> = {
  razorpay: "Razorpay",
  stripe: "Stripe",
  cod: "Cash on delivery",
};
export const splitMethodLabel = (method: PaymentMethodName) => SPLIT_METHOD_LABEL[method];
