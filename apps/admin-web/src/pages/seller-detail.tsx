import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate, formatPercent } from "@bazaar/client/format";
import type { SellerDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  bpsToPercentText,
  Card,
  ErrorAlert,
  Form,
  Loading,
  Page,
  TextField,
} from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { sellerStatusTone } from "./sellers";

type Decision = "approve" | "reject" | "suspend" | "reinstate";
const ACTIONS: Record<SellerDto["status"], Decision[]> = {
  pending: ["approve", "reject"],
  approved: ["suspend"],
  rejected: [],
  suspended: ["reinstate"],
};
const LABEL: Record<Decision, string> = {
  approve: "Approve",
  reject: "Reject",
  suspend: "Suspend",
  reinstate: "Reinstate",
};
const NEEDS_REASON: Decision[] = ["reject", "suspend"];

export function SellerDetailPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const seller = useQuery(trpc.admin.sellers.byId.queryOptions({ sellerId: id }));
  const error = useFormError(seller.error);
  const s = seller.data;
  if (seller.error) return <ErrorAlert error={error} />;
  if (!s) return <Loading />;
  const a = s.pickupAddress;
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
        <Link to="/sellers" className="bz-button bz-button--secondary">
          All sellers
        </Link>
      }
    >
      {s.statusReason && (
        <Alert tone={s.status === "approved" ? "info" : "warning"} title="Reason given">
          {s.statusReason}
        </Alert>
      )}
      <div className="bz-columns">
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
        <div>
          <DecisionCard seller={s} />
          <CommissionCard seller={s} />
        </div>
      </div>
    </Page>
  );
}

function useRefreshSeller(sellerId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (updated: SellerDto) => {
    queryClient.setQueryData(trpc.admin.sellers.byId.queryKey({ sellerId }), updated);
    await queryClient.invalidateQueries(trpc.admin.sellers.list.pathFilter());
  };
}

function DecisionCard({ seller }: { seller: SellerDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshSeller(seller.id);
  const [open, setOpen] = useState<Decision | null>(null);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const onSuccess = async (updated: SellerDto) => {
    setOpen(null);
    setReason("");
    setNotice(`${updated.shopName} is now ${updated.status}. The owner has been emailed.`);
    await refresh(updated);
  };
  const mutations = {
    approve: useMutation(trpc.admin.sellers.approve.mutationOptions({ onSuccess })),
    reject: useMutation(trpc.admin.sellers.reject.mutationOptions({ onSuccess })),
    suspend: useMutation(trpc.admin.sellers.suspend.mutationOptions({ onSuccess })),
    reinstate: useMutation(trpc.admin.sellers.reinstate.mutationOptions({ onSuccess })),
  };
  const current = open ? mutations[open] : null;
  const error = useFormError(current?.error);
  const actions = ACTIONS[seller.status];

  const decide = (decision: Decision) => {
    setNotice(null);
    const input = { sellerId: seller.id, ...(reason.trim() && { reason }) };
    if (decision === "reject" || decision === "suspend") mutations[decision].mutate({ ...input, reason });
    else mutations[decision].mutate(input);
  };

  return (
    <Card title="Decision">
      {notice && (
        <Alert tone="success" testId="seller-notice">
          {notice}
        </Alert>
      )}
      {actions.length === 0 && !notice && (
        <p className="bz-muted">
          Nothing to decide: a rejected applicant can apply again, and the application comes back here.
        </p>
      )}
      {open ? (
        <Form
          aria-label={`${LABEL[open]} ${seller.shopName}`}
          pending={current?.isPending}
          onSubmit={() => decide(open)}
        >
          <ErrorAlert error={error} fields={["reason"]} />
          <TextField
            id="decision-reason"
            label={NEEDS_REASON.includes(open) ? `Why ${LABEL[open].toLowerCase()}?` : "Note (optional)"}
            value={reason}
            onValue={setReason}
            error={error?.fieldErrors.reason}
            hint="The seller is told this in the email."
            autoFocus
          />
          <div className="bz-form-actions">
            <Button
              type="submit"
              variant={NEEDS_REASON.includes(open) ? "danger" : "primary"}
              pending={current?.isPending}
              pendingLabel="Saving…"
            >
              {LABEL[open]} {seller.shopName}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(null)}>
              Cancel
            </Button>
          </div>
        </Form>
      ) : (
        <div className="bz-form-actions">
          {actions.map((d) => (
            <Button
              key={d}
              variant={NEEDS_REASON.includes(d) ? "danger" : "primary"}
              onClick={() => {
                setNotice(null);
                setOpen(d);
              }}
              data-testid={`seller-${d}`}
            >
              {LABEL[d]}
            </Button>
          ))}
        </div>
      )}
    </Card>
  );
}

function CommissionCard({ seller }: { seller: SellerDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshSeller(seller.id);
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  const [value, setValue] = useState(
    seller.commissionBps === null ? "" : bpsToPercentText(seller.commissionBps),
  );
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = useMutation(
    trpc.admin.sellers.setCommission.mutationOptions({
      onSuccess: async (updated) => {
        setSaved(true);
        setValue(updated.commissionBps === null ? "" : bpsToPercentText(updated.commissionBps));
        await refresh(updated);
      },
    }),
  );
  const error = useFormError(set.error);
  const defaultBps = settings.data?.defaultCommissionBps;

  const save = (clear: boolean) => {
    setSaved(false);
    if (clear) return set.mutate({ sellerId: seller.id, commissionBps: null });
    // Percent with up to two decimals, to whole basis points without floats.
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value.trim());
    const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
    if (bps === null || bps > 10_000) return setLocalError("Enter a percentage from 0 to 100, like 8.5");
    setLocalError(null);
    set.mutate({ sellerId: seller.id, commissionBps: bps });
  };

  return (
    <Card title="Commission">
      <p className="bz-muted">
        This shop pays <strong>{formatPercent(seller.effectiveCommissionBps)}</strong> of each sale
        {seller.commissionBps === null
          ? ", the platform default."
          : ` (platform default ${defaultBps !== undefined ? formatPercent(defaultBps) : "…"}).`}
      </p>
      {saved && <Alert tone="success">Commission saved.</Alert>}
      <Form aria-label="Commission" pending={set.isPending} onSubmit={() => save(false)}>
        <ErrorAlert error={error} fields={["commissionBps"]} />
        <TextField
          id="commission"
          label="Override (%)"
          inputMode="decimal"
          placeholder={defaultBps !== undefined ? bpsToPercentText(defaultBps) : ""}
          value={value}
          onValue={setValue}
          error={localError ?? error?.fieldErrors.commissionBps}
        />
        <div className="bz-form-actions">
          <Button type="submit" pending={set.isPending} pendingLabel="Saving…">
            Save override
          </Button>
          {seller.commissionBps !== null && (
            <Button variant="secondary" onClick={() => save(true)}>
              Use platform default
            </Button>
          )}
        </div>
      </Form>
    </Card>
  );
}
