import { useTRPC } from "@bazaar/client";
import { Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { BalancesCard, ReleasesCard } from "./balances-card";
import { LedgerCard } from "./ledger-card";
import { FRESH } from "./money-labels";

/** What the shop earned: balances, money waiting for return windows, and every ledger entry. */
export function EarningsPage() {
  const trpc = useTRPC();
  const balances = useQuery(trpc.seller.ledger.balances.queryOptions(undefined, FRESH));
  return (
    <Page
      title="Earnings"
      description={
        <>
          Each delivered order credits its total, less Bazaar's commission, the payment gateway fee and TCS.
          See a month at a time in your <Link to="/statements">statements</Link>.
        </>
      }
      actions={
        <Link to="/payouts" className="bz-button bz-button--primary">
          Payouts
        </Link>
      }
    >
      <BalancesCard query={balances} />
      <ReleasesCard balances={balances.data} />
      <LedgerCard />
    </Page>
  );
}
