import { useFormError, useTRPC } from "@bazaar/client";
import type { AdminHomeDto } from "@bazaar/schemas";
import { Card, describeChange, ErrorAlert, FilterTabs, KpiCard, KpiGrid, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ADMIN_KPIS, changeOptions, kpiFormatter, periodText } from "./kpi-values";

const PERIODS = [
  { key: "today", label: "Today", range: "today" },
  { key: "last7Days", label: "Last 7 days", range: "7d" },
  { key: "last30Days", label: "Last 30 days", range: "30d" },
] as const;
type PeriodKey = (typeof PERIODS)[number]["key"];

/**
 * The admin's first look: the marketplace's headline figures for today, the last 7 and the
 * last 30 days (India time, today included), each against the same number of days before.
 * Loaded lazily (it pulls the chart styles); no chart of its own, so it stays light.
 */
export function HomePage() {
  const trpc = useTRPC();
  const home = useQuery(trpc.admin.analytics.home.queryOptions(undefined, { refetchInterval: 60_000 }));
  const error = useFormError(home.error);
  // In the URL, so a reload or a shared link keeps the period.
  const [params] = useSearchParams();
  const chosen = PERIODS.find((p) => p.key === params.get("period")) ?? PERIODS[1];
  const period: PeriodKey = chosen.key;
  return (
    <Page
      title="Dashboard"
      description="Orders placed in India time; a sale counts once paid online or placed cash on delivery."
      actions={
        <Link to={`/analytics?range=${chosen.range}`} className="bz-button bz-button--secondary">
          Analytics
        </Link>
      }
    >
      <FilterTabs
        label="Period"
        tabs={PERIODS.map((p) => ({ value: p.key, label: p.label }))}
        current={period}
        href={(value) => `/?period=${value}`}
      />
      {home.isPending ? (
        <Loading />
      ) : !home.data ? (
        <ErrorAlert error={error} />
      ) : (
        <>
          <p className="bz-muted bz-small" data-testid="home-period">
            {periodText(home.data[period].period)}, compared with{" "}
            {periodText(home.data[period].previousPeriod)}.
          </p>
          <KpiGrid label={`Figures for ${chosen.label.toLowerCase()}`} testId="home-kpis">
            {ADMIN_KPIS.map((def) => (
              <KpiCard
                key={def.key}
                label={def.label}
                kpi={home.data[period].kpis[def.key]}
                hint={def.hint}
                testId={`kpi-${def.key}`}
                {...changeOptions(def)}
              />
            ))}
          </KpiGrid>
          <AllPeriodsTable home={home.data} />
        </>
      )}
    </Page>
  );
}

/** Every figure for the three periods side by side: the numbers without clicking through. */
function AllPeriodsTable({ home }: { home: AdminHomeDto }) {
  return (
    <Card title="All periods">
      <div className="bz-table-wrap">
        <table className="bz-table" data-testid="home-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {PERIODS.map((p) => (
                <th key={p.key} scope="col" className="bz-align-right">
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ADMIN_KPIS.map((def) => (
              <tr key={def.key}>
                <th scope="row">{def.label}</th>
                {PERIODS.map((p) => {
                  const kpi = home[p.key].kpis[def.key];
                  const change = describeChange(kpi, changeOptions(def));
                  return (
                    <td key={p.key} className="bz-align-right bz-nowrap">
                      {kpiFormatter(def.format)(kpi.value)}
                      <div className={`bz-small bz-kpi__change--${change.tone}`} title={change.sentence}>
                        {change.text}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
