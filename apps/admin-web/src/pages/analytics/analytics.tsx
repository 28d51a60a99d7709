import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount, formatCountCompact, formatRupees, formatRupeesCompact } from "@bazaar/client/format";
import {
  Card,
  ErrorAlert,
  KpiCard,
  KpiGrid,
  Loading,
  Page,
  TimeSeriesChart,
  timeSeriesRows,
} from "@bazaar/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { AnalyticsRangeForm } from "./analytics-range-form";
import { AnalyticsRankings } from "./analytics-rankings";
import { ADMIN_KPIS, changeOptions, periodText } from "./kpi-values";
import { type AnalyticsQuery, analyticsQueryParams, readAnalyticsQuery } from "./range-presets";

/**
 * The marketplace over a chosen period: headline figures against the period before, GMV and
 * net revenue over time, orders, the payment-method split, top categories and top shops.
 * Each chart has its table. The period lives in the URL, so a view can be shared.
 */
export function AnalyticsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const q = readAnalyticsQuery(params, new Date());
  const input = { from: q.from, to: q.to, granularity: q.granularity };
  const dashboard = useQuery(
    trpc.admin.analytics.dashboard.queryOptions(input, { placeholderData: keepPreviousData }),
  );
  const error = useFormError(dashboard.error);
  const d = dashboard.data;
  const apply = (next: AnalyticsQuery) => setParams(analyticsQueryParams(next), { replace: true });

  return (
    <Page
      title="Analytics"
      description="Orders by the India date they were placed; refunds and cancellations count against the day of the sale."
    >
      <Card>
        <AnalyticsRangeForm query={q} error={error} onApply={apply} />
      </Card>
      {dashboard.isPending ? (
        <Loading />
      ) : !d ? (
        <ErrorAlert error={error} />
      ) : (
        <>
          {dashboard.isFetching && <Loading label="Updating…" />}
          <p className="bz-muted bz-small" data-testid="analytics-period">
            {periodText(d.period)} ({d.period.days} day{d.period.days === 1 ? "" : "s"}), compared with{" "}
            {periodText(d.previousPeriod)}.
          </p>
          <KpiGrid label="Figures for the chosen dates" testId="analytics-kpis">
            {ADMIN_KPIS.map((def) => (
              <KpiCard
                key={def.key}
                label={def.label}
                kpi={d.kpis[def.key]}
                hint={def.hint}
                testId={`analytics-kpi-${def.key}`}
                {...changeOptions(def)}
              />
            ))}
          </KpiGrid>
          <div className="bz-columns">
            <Card>
              <TimeSeriesChart
                title="GMV and net revenue"
                granularity={d.granularity}
                rows={timeSeriesRows(d.series, (p) => ({
                  gmv: p.gmv,
                  netRevenue: p.netRevenue,
                  commission: p.commission,
                }))}
                series={[
                  { key: "gmv", label: "GMV" },
                  { key: "netRevenue", label: "Net revenue" },
                  { key: "commission", label: "Commission" },
                ]}
                format={formatRupees}
                axisFormat={formatRupeesCompact}
                testId="chart-revenue"
              />
            </Card>
            <Card>
              <TimeSeriesChart
                title="Orders and sign-ups"
                granularity={d.granularity}
                variant="line"
                rows={timeSeriesRows(d.series, (p) => ({
                  orders: p.orders,
                  newCustomers: p.newCustomers,
                  newSellers: p.newSellers,
                }))}
                series={[
                  { key: "orders", label: "Orders" },
                  { key: "newCustomers", label: "New customers" },
                  { key: "newSellers", label: "New sellers" },
                ]}
                format={formatCount}
                axisFormat={formatCountCompact}
                testId="chart-orders"
              />
            </Card>
          </div>
          <AnalyticsRankings range={input} paymentMethods={d.paymentMethods} />
        </>
      )}
    </Page>
  );
}
