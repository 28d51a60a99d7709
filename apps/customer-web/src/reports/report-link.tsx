import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import type { ReportReason, ReportTargetType } from "@bazaar/schemas";
import { Alert, Button, Dialog, ErrorAlert, Form, SelectField, TextAreaField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { noteRequired, REPORT_REASONS, reportTitle } from "./report-labels";
import { SignInLink } from "./sign-in-link";

/**
 * A small "Report" link beside a product, review, question, answer or shop. Signed in, it
 * opens a dialog (reason + note, the note required for "other"); signed out, it goes to
 * sign in and back.
 */
export function ReportLink({ targetType, targetId }: { targetType: ReportTargetType; targetId: string }) {
  const { status } = useAuth();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (status !== "signedIn")
    return (
      <SignInLink className="bz-small bz-muted">
        Report<span className="bz-visually-hidden"> {targetType} (sign in first)</span>
      </SignInLink>
    );
  return (
    <>
      {done ? (
        <span className="bz-small bz-muted" role="status" data-testid="report-done">
          {done}
        </span>
      ) : (
        <Button
          variant="link"
          className="bz-small"
          onClick={() => setOpen(true)}
          aria-label={reportTitle(targetType)}
          data-testid={`report-${targetType}`}
        >
          Report
        </Button>
      )}
      <Dialog
        open={open}
        title={reportTitle(targetType)}
        onClose={() => setOpen(false)}
        testId="report-dialog"
      >
        <ReportForm
          targetType={targetType}
          targetId={targetId}
          onDone={(already) => {
            setOpen(false);
            setDone(already ? "You reported this already" : "Reported. Thank you");
          }}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}

function ReportForm(props: {
  targetType: ReportTargetType;
  targetId: string;
  onDone: (alreadyReported: boolean) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const [reason, setReason] = useState<ReportReason | "">("");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.reports.create.mutationOptions({ onSuccess: (r) => props.onDone(r.alreadyReported) }),
  );
  const error = useFormError(create.error);
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!reason) problems.reason = "Choose a reason";
    if (noteRequired(reason) && note.trim().length < 3)
      problems.note = "Say what is wrong (at least 3 characters)";
    setLocal(problems);
    if (!reason || Object.keys(problems).length) return;
    create.mutate({
      targetType: props.targetType,
      targetId: props.targetId,
      reason,
      ...(note.trim() && { note: note.trim() }),
    });
  };
  const fieldError = (f: string) => local[f] ?? error?.fieldErrors[f];
  return (
    <Form aria-label={reportTitle(props.targetType)} pending={create.isPending} onSubmit={submit}>
      <Alert tone="info">Bazaar reviews every report. The author is not told who reported it.</Alert>
      <ErrorAlert error={error} fields={["reason", "note"]} />
      <SelectField
        id="report-reason"
        label="Reason"
        placeholder="Choose a reason"
        options={REPORT_REASONS}
        value={reason}
        onValue={(v) => setReason(v as ReportReason | "")}
        error={fieldError("reason")}
        autoFocus
      />
      <TextAreaField
        id="report-note"
        label={noteRequired(reason) ? "What is wrong?" : "Anything to add? (optional)"}
        rows={3}
        maxLength={1000}
        value={note}
        onValue={setNote}
        error={fieldError("note")}
      />
      <div className="bz-form-actions">
        <Button type="submit" variant="danger" pending={create.isPending} pendingLabel="Sending…">
          Send report
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
