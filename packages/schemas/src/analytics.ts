// zod schemas of the analytics domain: the dashboards' range input and their DTOs.
//
// Every figure is defined here once, in words; core/src/analytics computes exactly these.
//
// The day of a sale is the India date (Asia/Kolkata, UTC+5:30, no DST) on which its order was
// PLACED: an order placed at 23:50 IST on 3 March counts on 3 March even though it is 18:20 UTC.
// Everything that later happens to a sale (payment, cancellation, delivery, return, refund) is
// booked back on that day, so a day's figures read as "what the orders placed that day came to,
// as things stand now" and may still move while refunds and returns arrive.
//
// A sale COUNTS when its order was placed cash-on-delivery, or online and paid (paid, partially
// refunded or refunded). Online orders still awaiting payment, failed or expired never count.
//
// Seller figures (one shop's sub-orders):
// - gross sales: sum of sub-order totals (after item and coupon discounts, with shipping) of
//   counted sub-orders.
// - cancelled: totals of counted sub-orders that were cancelled.
// - refunded: money given back by returns of counted, not cancelled sub-orders: the items and
//   shipping amounts of returns the shop has received (status received or refunded; the refund
//   is booked on receipt, whether the gateway or an admin has paid it out yet or not).
// - revenue (net) = gross sales − cancelled − refunded.
// - orders: counted sub-orders not cancelled.
// - units: units of counted, not cancelled sub-orders, less the units of received returns.
// - average order value = revenue / orders (integer paise, rounded down; 0 when no orders).
// - returns rate = returned units / delivered units, over counted sub-orders that were delivered;
//   returned units are the units of returns that came back (status received or refunded).
// - top products: by revenue (line totals of counted, not cancelled sub-orders less the amounts
//   of received return lines), then units; lines whose product was deleted are left out.
//
// Admin figures (the whole platform):
// - GMV: sum of order totals of counted orders (= the sum of their sub-order totals).
// - net revenue = GMV − cancelled − refunded (as above, over every shop).
// - commission earned: sum over counted, not cancelled sub-orders of
//   round((sub-order total − refunded) × commissionBps / 10000), the rate frozen on the sub-order.
// - orders: counted orders (one per checkout, however many shops it spans), like GMV before
//   cancellations; average order value = GMV / orders, rounded down.
// - new customers: accounts signed up in the range (any but an admin's, counted when created);
//   new sellers: shops applied for in the range.
// - refund rate = (cancelled + refunded) / GMV.
// - payment-method split: GMV and orders per method (razorpay, stripe, cod) over counted orders.
// - top categories: net revenue and units of order lines by category (the product's category
//   when the line was first counted; a rebuild takes the current one).
// - top shops: revenue (net) per shop.
import { z } from "zod";

// ---- inputs ------------------------------------------------------------------------------------

export const AnalyticsGranularity = z.enum(["day", "week", "month"], {
  message: "Choose day, week or month",
});
export type AnalyticsGranularity = z.infer<typeof AnalyticsGranularity>;

/** The longest range a dashboard reads: two years (731 days, counting both ends). */
export const MAX_ANALYTICS_RANGE_DAYS = 731;
export const MAX_ANALYTICS_TOP = 50;

const DATE_SHAPE = /^20\d\d-\d\d-\d\d$/;
const isCalendarDate = (s: string) => {
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A calendar date in India time, `YYYY-MM-DD`, years 2000–2099. */
export const IstDate = (label: string) =>
  z
    .string({ message: `${label} must be a date like 2026-03-31` })
    .regex(DATE_SHAPE, `${label} must be a date like 2026-03-31, in the years 2000 to 2099`)
    // Only a well-formed date can be unreal: a malformed one has its message already.
    .refine((s) => !DATE_SHAPE.test(s) || isCalendarDate(s), `${label} is not a real calendar date`);

/** Whole days from `from` to `to`, both included. */
export const rangeDays = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const rangeShape = {
  /** First day of the range, India time, included. */
  from: IstDate("From"),
  /** Last day of the range, India time, included. */
  to: IstDate("To"),
};

type RangeLike = { from: string; to: string };
const checkRange = (v: RangeLike, ctx: z.RefinementCtx) => {
  if (!isCalendarDate(v.from) || !isCalendarDate(v.to)) return;
  if (v.to < v.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "To must be on or after From" });
    return;
  }
  if (rangeDays(v.from, v.to) > MAX_ANALYTICS_RANGE_DAYS)
    ctx.addIssue({ code: "custom", path: ["to"], message: "The range can be at most 2 years (731 days)" });
};

/** A dashboard's period: `from`..`to` (IST dates, both included), compared with the same number of days just before. */
export const AnalyticsRangeInput = z
  .object({
    ...rangeShape,
    /** How the time series is bucketed; weeks start on Monday, months on the 1st (IST). */
    granularity: AnalyticsGranularity.default("day"),
  })
  .superRefine(checkRange);
export type AnalyticsRangeInput = z.input<typeof AnalyticsRangeInput>;
export type AnalyticsRange = z.output<typeof AnalyticsRangeInput>;

/** A ranking over a period: the range plus how many rows (1–50, default 10). */
export const AnalyticsTopInput = z
  .object({
    ...rangeShape,
    limit: z
      .number({ message: "Limit must be a number" })
      .int("Limit must be a whole number")
      .min(1, "Limit is 1 to 50")
      .max(MAX_ANALYTICS_TOP, "Limit is 1 to 50")
      .default(10),
  })
  .superRefine(checkRange);
export type AnalyticsTopInput = z.input<typeof AnalyticsTopInput>;
export type AnalyticsTop = z.output<typeof AnalyticsTopInput>;

// ---- DTOs --------------------------------------------------------------------------------------

/** One figure for the chosen period beside the same figure for the period just before it. */
export type KpiDto = {
  value: number;
  previous: number;
  /** (value − previous) / previous; null when the previous period had nothing. */
  change: number | null;
};

/** The period itself and the one it is compared with (IST dates, both ends included). */
export type AnalyticsPeriodDto = { from: string; to: string; days: number };

export type SellerKpisDto = {
  /** Net revenue, paise: gross sales − cancelled − refunded. */
  revenue: KpiDto;
  /** Gross sales, paise: totals of counted sub-orders. */
  grossSales: KpiDto;
  /** Counted sub-orders not cancelled. */
  orders: KpiDto;
  /** Units sold, less units cancelled and refunded. */
  units: KpiDto;
  /** Paise, revenue / orders rounded down. */
  averageOrderValue: KpiDto;
  /** Returned units / delivered units, 0..1. */
  returnsRate: KpiDto;
};

/** One bucket of the time series; `date` is its first day (IST), which may be before `from` for weeks and months. */
export type SellerSeriesPointDto = {
  date: string;
  revenue: number;
  grossSales: number;
  orders: number;
  units: number;
  returnedUnits: number;
  deliveredUnits: number;
};

export type SellerDashboardDto = {
  period: AnalyticsPeriodDto;
  previousPeriod: AnalyticsPeriodDto;
  granularity: AnalyticsGranularity;
  kpis: SellerKpisDto;
  series: SellerSeriesPointDto[];
};

export type TopProductDto = {
  productId: string;
  /** The product's current title. */
  title: string;
  /** Net revenue of its lines, paise. */
  revenue: number;
  /** Units sold less units returned. */
  units: number;
  /** Order lines (sub-orders) it was in. */
  orders: number;
};

export type AdminKpisDto = {
  /** Paise: totals of counted orders. */
  gmv: KpiDto;
  /** Paise: GMV − cancelled − refunded. */
  netRevenue: KpiDto;
  /** Paise: commission on what the shops keep. */
  commission: KpiDto;
  /** Counted orders (checkouts), before cancellations. */
  orders: KpiDto;
  /** Paise: GMV / orders rounded down. */
  averageOrderValue: KpiDto;
  newCustomers: KpiDto;
  newSellers: KpiDto;
  /** (cancelled + refunded) / GMV, 0..1. */
  refundRate: KpiDto;
};

export type AdminSeriesPointDto = {
  date: string;
  gmv: number;
  netRevenue: number;
  commission: number;
  orders: number;
  newCustomers: number;
  newSellers: number;
};

export const PaymentMethodName = z.enum(["razorpay", "stripe", "cod"]);
export type PaymentMethodName = z.infer<typeof PaymentMethodName>;

export type PaymentMethodSplitDto = {
  method: PaymentMethodName;
  orders: number;
  gmv: number;
  /** This method's part of GMV, 0..1. */
  share: number;
};

export type AdminDashboardDto = {
  period: AnalyticsPeriodDto;
  previousPeriod: AnalyticsPeriodDto;
  granularity: AnalyticsGranularity;
  kpis: AdminKpisDto;
  series: AdminSeriesPointDto[];
  paymentMethods: PaymentMethodSplitDto[];
};

export type TopCategoryDto = {
  categoryId: string | null;
  /** "Uncategorised" for lines whose product is gone. */
  name: string;
  revenue: number;
  units: number;
};

export type TopShopDto = {
  sellerId: string;
  shopName: string;
  revenue: number;
  orders: number;
  /** Paise. */
  commission: number;
};

/** The admin home: headline figures for today, the last 7 and the last 30 days (IST, today included). */
export type AdminHomeDto = {
  today: AdminHomeKpisDto;
  last7Days: AdminHomeKpisDto;
  last30Days: AdminHomeKpisDto;
};
export type AdminHomeKpisDto = {
  period: AnalyticsPeriodDto;
  previousPeriod: AnalyticsPeriodDto;
  kpis: AdminKpisDto;
};
