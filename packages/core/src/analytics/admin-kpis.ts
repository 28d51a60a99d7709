import type { AdminKpisDto, AnalyticsPeriodDto, PaymentMethodSplitDto } from "@bazaar/schemas";
import { kpi, perOrder, ratio, total } from "./period";
import { PLATFORM_DAY_KEYS, type PlatformDayRow } from "./platform-rows";

type Totals = Record<(typeof PLATFORM_DAY_KEYS)[number], number>;
const net = (t: Totals) => t.gross - t.cancelled - t.refunded;

/** The admin's figures for `current` beside `previous`, from daily platform rows covering both. */
export function adminKpis(
  rows: PlatformDayRow[],
  current: AnalyticsPeriodDto,
  previous: AnalyticsPeriodDto,
): { kpis: AdminKpisDto; now: Totals } {
  const now = total(rows, current, PLATFORM_DAY_KEYS);
  return { now, kpis: kpisOf(now, total(rows, previous, PLATFORM_DAY_KEYS)) };
}

/** Adds up rows whatever their dates (bucketed rows of one period). */
export const sumOf = (rows: PlatformDayRow[]): Totals => {
  const sum = Object.fromEntries(PLATFORM_DAY_KEYS.map((k) => [k, 0])) as Totals;
  for (const r of rows) for (const k of PLATFORM_DAY_KEYS) sum[k] += r[k];
  return sum;
};

export function kpisOf(now: Totals, before: Totals): AdminKpisDto {
  return {
    gmv: kpi(now.gross, before.gross),
    netRevenue: kpi(net(now), net(before)),
    commission: kpi(now.commission, before.commission),
    orders: kpi(now.checkouts, before.checkouts),
    averageOrderValue: kpi(perOrder(now.gross, now.checkouts), perOrder(before.gross, before.checkouts)),
    newCustomers: kpi(now.newCustomers, before.newCustomers),
    newSellers: kpi(now.newSellers, before.newSellers),
    refundRate: kpi(
      ratio(now.cancelled + now.refunded, now.gross),
      ratio(before.cancelled + before.refunded, before.gross),
    ),
  };
}

/** Razorpay, Stripe and cash on delivery; the rollups keep the cod and Stripe parts, Razorpay is the rest. */
export const paymentSplit = (t: Totals): PaymentMethodSplitDto[] => {
  const part = (method: PaymentMethodSplitDto["method"], orders: number, gmv: number) => ({
    method,
    orders,
    gmv,
    share: ratio(gmv, t.gross),
  });
  return [
    part("razorpay", t.checkouts - t.codCheckouts - t.stripeCheckouts, t.gross - t.codGross - t.stripeGross),
    part("stripe", t.stripeCheckouts, t.stripeGross),
    part("cod", t.codCheckouts, t.codGross),
  ];
};

export const netOf = net;
