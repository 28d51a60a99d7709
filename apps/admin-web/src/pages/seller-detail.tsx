import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate } from "@bazaar/client/format";
import type { SellerDto } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { historyHref } from "./audit/audit-values";
import { SellerCommission } from "./seller-commission";
import { DecisionCard } from "./seller-decision";
import { SellerMoney } from "./seller-money/seller-balances";
import { SellerReturnWindow } from "./seller-return-window";
import { sellerStatusTone } from "./sellers";

export function SellerDetailPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const seller = useQuery(trpc.admin.sellers.byId.queryOptions({ sellerId: id }));
  const error = useFormError(seller.error);
  const s = seller.data;
  if (seller.error) return <ErrorAlert error={error} />;
  if (!s) return <Loading />;
  return (
    <Page
      title={s.shopName}
      description={
        <>
          <span className={`bz-tag ${sellerStatusTone[s.status]}`} data-testid="seller-status">
            {s.status}
          </span>{" "}
          applied {formatDate(s.createdAt)}
          {s.decidedAt && `, decided ${formatDate(s.decidedAt)}`}
        </>
      }
      actions={
        <>
          <Link to={`/returns?status=all&seller=${s.id}`} className="bz-button bz-button--secondary">
            Returns
          </Link>
          <Link to={historyHref("seller", s.id)} className="bz-button bz-button--secondary">
            History
          </Link>
          <Link to="/sellers" className="bz-button bz-button--secondary">
            All sellers
          </Link>
        </>
      }
    >
      {s.statusReason && (
        <Alert tone={s.status === "approved" ? "info" : "warning"} title="Reason given">
          {s.statusReason}
        </Alert>
      )}
      <div className="bz-columns">
        <ApplicationCard seller={s} />
        <div>
          <DecisionCard seller={s} />
          <SellerCommission seller={s} />
          <SellerReturnWindow sellerId={s.id} />
        </div>
      </div>
      <h2 className="bz-section__title">Money</h2>
      <SellerMoney sellerId={s.id} />
    </Page>
  );
}

/** What the seller applied with: owner, contact, tax ids, pickup address and payout account. */
function ApplicationCard({ seller: s }: { seller: SellerDto }) {
  const a = s.pickupAddress;
  return (
    <Card title="Application">
      <dl className="bz-facts">
        <dt>Owner</dt>
        <dd>
          {s.owner.name} · {s.owner.email}
        </dd>
        <dt>Web address</dt>
        <dd className="bz-mono">/shop/{s.slug}</dd>
        <dt>Contact</dt>
        <dd>
          {s.contactEmail} · {s.contactPhone}
        </dd>
        <dt>GSTIN</dt>
        <dd className="bz-mono">{s.gstin ?? "—"}</dd>
        <dt>PAN</dt>
        <dd className="bz-mono">{s.pan ?? "—"}</dd>
        <dt>Pickup address</dt>
        <dd>
          {a.name}, {a.line1}
          {a.line2 && `, ${a.line2}`}
          {a.landmark && `, near ${a.landmark}`}, {a.city}, {a.state} {a.pincode} · {a.phone}
        </dd>
        <dt>Bank account</dt>
        <dd>
          {s.bankAccount.holder} · <span className="bz-mono">{s.bankAccount.numberMasked}</span> ·{" "}
          <span className="bz-mono">{s.bankAccount.ifsc}</span>
        </dd>
      </dl>
      {s.description && <p className="bz-prewrap">{s.description}</p>}
    </Card>
  );
}
