import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount, formatRupees, formatRupeesCompact } from "@bazaar/client/format";
import type { AnalyticsRangeInput, PaymentMethodSplitDto } from "@bazaar/schemas";
import {
  type BarColumn,
  type BarRow,
  Card,
  ErrorAlert,
  formatRatio,
  Loading,
  RankBarChart,
} from "@bazaar/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { splitMethodLabel } from "./kpi-values";

/** The payment-method split, top categories and top shops of the period, each a bar chart with its table. */
export function AnalyticsRankings(props: {
  range: AnalyticsRangeInput;
  paymentMethods: PaymentMethodSplitDto[];
}) {
  const trpc = useTRPC();
  const top = { ...props.range, limit: 10 };
  const categories = useQuery(
    trpc.admin.analytics.topCategories.queryOptions(top, { placeholderData: keepPreviousData }),
  );
  const shops = useQuery(
    trpc.admin.analytics.topShops.queryOptions(top, { placeholderData: keepPreviousData }),
  );
  return (
    <div className="bz-columns">
      <RankingCard
        items={props.paymentMethods}
        toRow={(m) => ({
          id: m.method,
          label: splitMethodLabel(m.method),
          values: { gmv: m.gmv, orders: m.orders, share: m.share },
        })}
        title="Payment methods"
        nameLabel="Method"
        columns={[
          { key: "gmv", label: "GMV", format: formatRupees },
          { key: "orders", label: "Orders", format: formatCount },
          { key: "share", label: "Share of GMV", format: formatRatio },
        ]}
        barKey="gmv"
        emptyText="No orders in this period."
        testId="chart-payment-methods"
      />
      <RankingCard
        items={categories.data}
        pending={categories.isPending}
        error={categories.error}
        toRow={(c) => ({
          id: c.categoryId ?? "none",
          label: c.name,
          values: { revenue: c.revenue, units: c.units },
        })}
        title="Top categories"
        nameLabel="Category"
        columns={[
          { key: "revenue", label: "Net revenue", format: formatRupees },
          { key: "units", label: "Units", format: formatCount },
        ]}
        barKey="revenue"
        emptyText="No sales in this period."
        testId="chart-top-categories"
      />
      <RankingCard
        items={shops.data}
        pending={shops.isPending}
        error={shops.error}
        toRow={(s) => ({
          id: s.sellerId,
          label: s.shopName,
          values: { revenue: s.revenue, orders: s.orders, commission: s.commission },
        })}
        title="Top shops"
        nameLabel="Shop"
        columns={[
          { key: "revenue", label: "Net revenue", format: formatRupees },
          { key: "orders", label: "Orders", format: formatCount },
          { key: "commission", label: "Commission", format: formatRupees },
        ]}
        barKey="revenue"
        emptyText="No sales in this period."
        testId="chart-top-shops"
      />
    </div>
  );
}

/** One ranking in its card: loading, the list's error, or the bars (rupees on the axis) with their table. */
function RankingCard<T>({
  items,
  pending = false,
  error = null,
  toRow,
  ...chart
}: {
  /** Undefined once loaded means the query failed. */
  items: T[] | undefined;
  pending?: boolean;
  error?: unknown;
  toRow: (item: T) => BarRow;
  title: string;
  nameLabel: string;
  columns: BarColumn[];
  barKey: string;
  emptyText: string;
  testId: string;
}) {
  const formError = useFormError(error);
  return (
    <Card>
      {pending ? (
        <Loading />
      ) : !items ? (
        <ErrorAlert error={formError} />
      ) : (
        <RankBarChart {...chart} rows={items.map(toRow)} axisFormat={formatRupeesCompact} />
      )}
    </Card>
  );
}
