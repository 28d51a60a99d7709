import { TextField } from "@bazaar/ui";

export type RefundAccountDraft = {
  kind: "upi" | "bank";
  upiId: string;
  holder: string;
  accountNumber: string;
  ifsc: string;
};

export const emptyRefundAccount: RefundAccountDraft = {
  kind: "upi",
  upiId: "",
  holder: "",
  accountNumber: "",
  ifsc: "",
};

/** Only the fields of the chosen kind go to the API. */
export const refundAccountPayload = (a: RefundAccountDraft) =>
  a.kind === "upi"
    ? { kind: "upi" as const, upiId: a.upiId }
    : { kind: "bank" as const, holder: a.holder, accountNumber: a.accountNumber, ifsc: a.ifsc };

/**
 * Where a cash-on-delivery refund is paid: a UPI id, or a bank account (holder, number,
 * IFSC). Errors arrive from the API under `refundAccount.<field>`.
 */
export function RefundAccountFields(props: {
  value: RefundAccountDraft;
  onChange: (next: RefundAccountDraft) => void;
  error: (field: string) => string | undefined;
}) {
  const a = props.value;
  const set = (patch: Partial<RefundAccountDraft>) => props.onChange({ ...a, ...patch });
  const groupError = props.error("refundAccount") ?? props.error("refundAccount.kind");
  return (
    <fieldset className="bz-subform" data-testid="refund-account">
      <legend className="bz-field__label">Where should we send your refund?</legend>
      <p className="bz-small bz-muted">
        You paid cash on delivery, so Bazaar pays the refund into your UPI id or bank account. It is stored
        encrypted and shown masked.
      </p>
      <div className="bz-choices">
        {(["upi", "bank"] as const).map((kind) => (
          <label key={kind} className="bz-choice">
            <input
              type="radio"
              name="refund-kind"
              value={kind}
              checked={a.kind === kind}
              onChange={() => set({ kind })}
            />
            <span>{kind === "upi" ? "UPI" : "Bank account"}</span>
          </label>
        ))}
      </div>
      {groupError && <p className="bz-field__error">{groupError}</p>}
      {a.kind === "upi" ? (
        <TextField
          id="refund-upi"
          label="UPI id"
          placeholder="name@bank"
          autoComplete="off"
          value={a.upiId}
          onValue={(upiId) => set({ upiId })}
          error={props.error("refundAccount.upiId")}
        />
      ) : (
        <>
          <TextField
            id="refund-holder"
            label="Account holder name"
            autoComplete="name"
            value={a.holder}
            onValue={(holder) => set({ holder })}
            error={props.error("refundAccount.holder")}
          />
          <TextField
            id="refund-account-number"
            label="Account number"
            inputMode="numeric"
            autoComplete="off"
            value={a.accountNumber}
            onValue={(accountNumber) => set({ accountNumber: accountNumber.replace(/\s/g, "") })}
            error={props.error("refundAccount.accountNumber")}
          />
          <TextField
            id="refund-ifsc"
            label="IFSC"
            placeholder="HDFC0001234"
            autoComplete="off"
            value={a.ifsc}
            onValue={(ifsc) => set({ ifsc: ifsc.toUpperCase() })}
            error={props.error("refundAccount.ifsc")}
          />
        </>
      )}
    </fieldset>
  );
}
