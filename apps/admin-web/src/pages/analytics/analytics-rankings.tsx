import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount, formatRupees, formatRupeesCompact } from "@bazaar/client/format";
import type { AnalyticsRangeInput, PaymentMethodSplitDto } from "@bazaar/schemas";
import { Card, ErrorAlert, formatRatio, Loading, paymentMethodLabel, RankBarChart } from "@bazaar/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";

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
  const categoriesError = useFormError(categories.error);
  const shopsError = useFormError(shops.error);
  return (
    <div className="bz-columns">
      <Card>
        <RankBarChart
          title="Payment methods"
          nameLabel="Method"
          rows={props.paymentMethods.map((m) => ({
            id: m.method,
            label: paymentMethodLabel(m.method),
            values: { gmv: m.gmv, orders: m.orders, share: m.share },
          }))}
          columns={[
            { key: "gmv", label: "GMV", format: formatRupees },
            { key: "orders", label: "Orders", format: formatCount },
            { key: "share", label: "Share of GMV", format: formatRatio },
          ]}
          barKey="gmv"
          axisFormat={formatRupeesCompact}
          emptyText="No orders in this period."
          testId="chart-payment-methods"
        />
      </Card>
      <Card>
        {categories.isPending ? (
          <Loading />
        ) : !categories.data ? (
          <ErrorAlert error={categoriesError} />
        ) : (
          <RankBarChart
            title="Top categories"
            nameLabel="Category"
            rows={categories.data.map((c) => ({
              id: c.categoryId ?? "none",
              label: c.name,
              values: { revenue: c.revenue, units: c.units },
            }))}
            columns={[
              { key: "revenue", label: "Net revenue", format: formatRupees },
              { key: "units", label: "Units", format: formatCount },
            ]}
            barKey="revenue"
            axisFormat={formatRupeesCompact}
            emptyText="No sales in this period."
            testId="chart-top-categories"
          />
        )}
      </Card>
      <Card>
        {shops.isPending ? (
          <Loading />
        ) : !shops.data ? (
          <ErrorAlert error={shopsError} />
        ) : (
          <RankBarChart
            title="Top shops"
            nameLabel="Shop"
            rows={shops.data.map((s) => ({
              id: s.sellerId,
              label: s.shopName,
              values: { revenue: s.revenue, orders: s.orders, commission: s.commission },
            }))}
            columns={[
              { key: "revenue", label: "Net revenue", format: formatRupees },
              { key: "orders", label: "Orders", format: formatCount },
              { key: "commission", label: "Commission", format: formatRupees },
            ]}
            barKey="revenue"
            axisFormat={formatRupeesCompact}
            emptyText="No sales in this period."
            testId="chart-top-shops"
          />
        )}
      </Card>
    </div>
  );
}
