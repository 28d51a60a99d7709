import { useFormError, useTRPC } from "@bazaar/client";
import { StatementMonth } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Page, SelectField } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { StatementDownloads } from "./statement-downloads";
import { monthName, recentMonths } from "./statement-math";
import { StatementView } from "./statement-view";

const MONTHS_SHOWN = 24;

/** A month of the seller's money that reconciles: opening + credits − debits = closing, as CSV or PDF. */
export function StatementsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const months = useMemo(() => recentMonths(new Date(), MONTHS_SHOWN), []);
  const asked = StatementMonth.safeParse(params.get("month") ?? undefined);
  const month = asked.success ? asked.data : (months[0] ?? "");
  const options = months.includes(month) ? months : [month, ...months];
  const statement = useQuery(trpc.seller.ledger.statement.queryOptions({ month }));
  const error = useFormError(statement.error);
  return (
    <Page
      title="Statements"
      description="Your money with Bazaar a month at a time, India time, to keep with your accounts."
      actions={<StatementDownloads month={month} />}
    >
      <Card>
        <div className="bz-toolbar">
          <SelectField
            id="statement-month"
            label="Month"
            options={options.map((m) => ({ value: m, label: monthName(m) }))}
            value={month}
            onValue={(m) => setParams({ month: m }, { replace: true })}
          />
        </div>
      </Card>
      {statement.isPending ? (
        <Loading label="Loading the statement…" />
      ) : statement.error ? (
        <ErrorAlert error={error} fields={["month"]} />
      ) : (
        <StatementView statement={statement.data} />
      )}
    </Page>
  );
}
