import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate, istDateStart } from "@bazaar/client/format";
import type { AnalyticsPeriodDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { SellerKpis, SellerTrendCharts, TopProductsChart } from "./analytics-charts";
import { type AnalyticsView, analyticsViewParams, readAnalyticsView } from "./analytics-range";
import { RangePicker } from "./range-picker";

const periodText = (p: AnalyticsPeriodDto) =>
  `${formatDate(istDateStart(p.from))} to ${formatDate(istDateStart(p.to))} (${p.days} day${p.days === 1 ? "" : "s"})`;

/** The shop's figures over a chosen period, against the period just before it. Loaded lazily: it brings recharts. */
export function AnalyticsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readAnalyticsView(params, new Date()), [params]);
  const [compare, setCompare] = useState(true);
  const input = { from: view.from, to: view.to, granularity: view.granularity };
  const dashboard = useQuery(
    trpc.seller.analytics.dashboard.queryOptions(input, { placeholderData: keepPreviousData }),
  );
  const prev = dashboard.data?.previousPeriod;
  const previous = useQuery(
    trpc.seller.analytics.dashboard.queryOptions(
      { from: prev?.from ?? view.from, to: prev?.to ?? view.to, granularity: view.granularity },
      { enabled: compare && Boolean(prev) },
    ),
  );
  const top = useQuery(
    trpc.seller.analytics.topProducts.queryOptions(
      { ...input, limit: 10 },
      { placeholderData: keepPreviousData },
    ),
  );
  const error = useFormError(dashboard.error);
  const topError = useFormError(top.error);
  const d = dashboard.data;
  const setView = (v: AnalyticsView) => setParams(analyticsViewParams(v), { replace: true });
  return (
    <Page title="Analytics" description="Your shop's sales by the day the order was placed, India time.">
      <Card>
        <RangePicker key={params.toString()} view={view} onChange={setView} />
        {d && (
          <p className="bz-small bz-muted" data-testid="analytics-period">
            {periodText(d.period)}, compared with {periodText(d.previousPeriod)}.
          </p>
        )}
      </Card>
      {dashboard.isPending ? (
        <Loading label="Adding up your sales…" />
      ) : dashboard.error || !d ? (
        <ErrorAlert error={error} fields={["from", "to", "granularity"]} />
      ) : (
        <div aria-busy={dashboard.isFetching || undefined}>
          <SellerKpis kpis={d.kpis} />
          <Card title="Over time">
            <label className="bz-checkbox bz-small" htmlFor="analytics-compare">
              <input
                id="analytics-compare"
                type="checkbox"
                checked={compare}
                onChange={(e) => setCompare(e.target.checked)}
              />
              Show the previous period (dashed)
            </label>
            {compare && previous.error && (
              <p className="bz-small bz-muted">
                The previous period could not be loaded; showing this one alone.
              </p>
            )}
            <SellerTrendCharts
              series={d.series}
              previous={compare && previous.data && !previous.isPlaceholderData ? previous.data.series : null}
              granularity={d.granularity}
            />
          </Card>
        </div>
      )}
      <Card>
        {top.isPending ? (
          <Loading />
        ) : top.error ? (
          <ErrorAlert error={topError} />
        ) : (
          <TopProductsChart products={top.data} />
        )}
      </Card>
    </Page>
  );
}
