import { useFormError, useTRPC } from "@bazaar/client";
import type { SellerDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useRefreshSeller } from "./use-refresh-seller";

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

/** Approve, reject, suspend or reinstate, each with the reason (or note) the owner is emailed. */
function useSellerDecision(seller: SellerDto) {
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

  return { open, setOpen, reason, setReason, notice, setNotice, current, error, actions, decide };
}

/** What an admin may decide about a seller now, and the form for the decision chosen. */
export function DecisionCard({ seller }: { seller: SellerDto }) {
  const { open, setOpen, reason, setReason, notice, setNotice, current, error, actions, decide } =
    useSellerDecision(seller);

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
