import type { FormError } from "@bazaar/client";
import type { ReportReason } from "@bazaar/schemas";
import { useState } from "react";
import { Dialog } from "./dialog";
import { Button, ErrorAlert, Form, SelectField, TextAreaField } from "./form";

const REASONS: readonly { value: ReportReason; label: string }[] = [
  { value: "spam", label: "Spam or advertising" },
  { value: "offensive", label: "Offensive or abusive" },
  { value: "counterfeit", label: "Offers fakes or counterfeits" },
  { value: "prohibited", label: "Asks to deal outside Bazaar or something prohibited" },
  { value: "misleading", label: "Misleading or a scam" },
  { value: "other", label: "Something else" },
];

export type MessageReport = { reason: ReportReason; note?: string };

/**
 * Reporting one message to Bazaar's moderators (buyer or seller): a reason and a note, the
 * note required for "Something else". Says what a report lets moderators see.
 */
export function ReportMessageDialog(props: {
  open: boolean;
  pending: boolean;
  error: FormError | null;
  onSubmit: (report: MessageReport) => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={props.open}
      title="Report this message"
      onClose={props.onClose}
      testId="report-message-dialog"
    >
      <ReportForm {...props} />
    </Dialog>
  );
}

function ReportForm(props: {
  pending: boolean;
  error: FormError | null;
  onSubmit: (report: MessageReport) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState<ReportReason | "">("");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!reason) problems.reason = "Choose a reason";
    if (reason === "other" && note.trim().length < 3)
      problems.note = "Say what is wrong (at least 3 characters)";
    setLocal(problems);
    if (!reason || Object.keys(problems).length) return;
    props.onSubmit({ reason, ...(note.trim() && { note: note.trim() }) });
  };
  const field = (f: string) => local[f] ?? props.error?.fieldErrors[f];
  return (
    <Form aria-label="Report this message" pending={props.pending} onSubmit={submit}>
      <p className="bz-small bz-muted">
        Bazaar's moderators will read this conversation to decide. The other side is not told who reported it.
      </p>
      <ErrorAlert error={props.error} fields={["reason", "note"]} />
      <SelectField
        id="report-message-reason"
        label="Reason"
        value={reason}
        placeholder="Choose a reason"
        options={REASONS}
        onValue={(v) => setReason(v as ReportReason | "")}
        error={field("reason")}
      />
      <TextAreaField
        id="report-message-note"
        label={reason === "other" ? "What is wrong" : "Note (optional)"}
        rows={3}
        maxLength={1000}
        value={note}
        onValue={setNote}
        error={field("note")}
      />
      <div className="bz-form-actions">
        <Button type="submit" variant="danger" pending={props.pending} pendingLabel="Reporting…">
          Report message
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
