import { formatCount, formatCountCompact, formatRupees, formatRupeesCompact } from "@bazaar/client/format";
import type {
  AnalyticsGranularity,
  SellerDashboardDto,
  SellerSeriesPointDto,
  TopProductDto,
} from "@bazaar/schemas";
import { formatRatio, KpiCard, KpiGrid, RankBarChart, TimeSeriesChart, timeSeriesRows } from "@bazaar/ui";

/** The six headline figures, each against the previous period. */
export function SellerKpis({ kpis }: { kpis: SellerDashboardDto["kpis"] }) {
  return (
    <KpiGrid label="Key figures" testId="analytics-kpis">
      <KpiCard
        label="Revenue"
        kpi={kpis.revenue}
        format={formatRupees}
        testId="kpi-revenue"
        hint="After refunds and cancellations"
      />
      <KpiCard label="Orders" kpi={kpis.orders} format={formatCount} testId="kpi-orders" />
      <KpiCard label="Units sold" kpi={kpis.units} format={formatCount} testId="kpi-units" />
      <KpiCard label="Average order" kpi={kpis.averageOrderValue} format={formatRupees} testId="kpi-aov" />
      <KpiCard
        label="Returns rate"
        kpi={kpis.returnsRate}
        format={formatRatio}
        lowerIsBetter
        changeAs="points"
        testId="kpi-returns-rate"
        hint="Units returned of units delivered"
      />
      <KpiCard
        label="Gross sales"
        kpi={kpis.grossSales}
        format={formatRupees}
        testId="kpi-gross"
        hint="Before refunds and cancellations"
      />
    </KpiGrid>
  );
}

const returnsRate = (p: SellerSeriesPointDto) =>
  p.deliveredUnits > 0 ? p.returnedUnits / p.deliveredUnits : null;

/** Revenue and orders over time (with the previous period dashed when given), and the returns rate. */
export function SellerTrendCharts(props: {
  series: SellerSeriesPointDto[];
  previous: SellerSeriesPointDto[] | null;
  granularity: AnalyticsGranularity;
}) {
  const { series, previous, granularity } = props;
  const before = (value: (p: SellerSeriesPointDto) => number) =>
    previous ? { points: previous, key: "previous", value } : undefined;
  const lines = (key: string, label: string) => [
    { key, label },
    ...(previous ? [{ key: "previous", label: "Previous period", previous: true }] : []),
  ];
  return (
    <>
      <TimeSeriesChart
        title="Revenue"
        granularity={granularity}
        rows={timeSeriesRows(
          series,
          (p) => ({ revenue: p.revenue }),
          before((p) => p.revenue),
        )}
        series={lines("revenue", "Revenue")}
        format={formatRupees}
        axisFormat={formatRupeesCompact}
        emptyText="No sales in this period yet."
        testId="chart-revenue"
      />
      <TimeSeriesChart
        title="Orders"
        granularity={granularity}
        variant="line"
        rows={timeSeriesRows(
          series,
          (p) => ({ orders: p.orders }),
          before((p) => p.orders),
        )}
        series={lines("orders", "Orders")}
        format={formatCount}
        axisFormat={formatCountCompact}
        emptyText="No orders in this period yet."
        testId="chart-orders"
      />
      <TimeSeriesChart
        title="Returns rate"
        description="Units returned of units delivered, by when the order was placed."
        granularity={granularity}
        variant="line"
        rows={series.map((p) => ({ date: p.date, values: { rate: returnsRate(p) } }))}
        series={[{ key: "rate", label: "Returns rate" }]}
        format={formatRatio}
        emptyText="No returns in this period."
        testId="chart-returns"
      />
    </>
  );
}

export function TopProductsChart({ products }: { products: TopProductDto[] }) {
  return (
    <RankBarChart
      title="Top products by revenue"
      nameLabel="Product"
      rows={products.map((p) => ({
        id: p.productId,
        label: p.title || "Untitled product",
        values: { revenue: p.revenue, units: p.units, orders: p.orders },
      }))}
      columns={[
        { key: "revenue", label: "Revenue", format: formatRupees },
        { key: "units", label: "Units", format: formatCount },
        { key: "orders", label: "Orders", format: formatCount },
      ]}
      barKey="revenue"
      defaultView="table"
      axisFormat={formatRupeesCompact}
      emptyText="No products sold in this period."
      testId="top-products"
    />
  );
}
