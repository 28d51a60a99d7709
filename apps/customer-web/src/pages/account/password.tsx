import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Form, Page, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

export function PasswordPage() {
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.auth.changePassword.mutationOptions({ onSuccess: () => setForm(EMPTY) }));
  const error = useFormError(change.error);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <Page title="Password" description="Changing it signs out every other device.">
      <Card>
        <Form
          aria-label="Change password"
          pending={change.isPending}
          onSubmit={() => {
            setMismatch(form.newPassword !== form.confirm);
            if (form.newPassword === form.confirm)
              change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
          }}
        >
          {change.isSuccess && (
            <Alert tone="success" title="Password changed" testId="password-changed">
              {change.data.signedOutSessions === 0
                ? "No other devices were signed in."
                : `${change.data.signedOutSessions} other device${change.data.signedOutSessions === 1 ? " was" : "s were"} signed out.`}
            </Alert>
          )}
          <ErrorAlert error={error} fields={["currentPassword", "newPassword"]} />
          <TextField
            id="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={form.currentPassword}
            onValue={set("currentPassword")}
            error={error?.fieldErrors.currentPassword}
          />
          <div className="bz-form-row">
            <TextField
              id="newPassword"
              label="New password"
              type="password"
              autoComplete="new-password"
              value={form.newPassword}
              onValue={set("newPassword")}
              error={error?.fieldErrors.newPassword}
              hint="At least 8 characters, with a letter and a number."
            />
            <TextField
              id="confirmPassword"
              label="Repeat the new password"
              type="password"
              autoComplete="new-password"
              value={form.confirm}
              onValue={set("confirm")}
              error={mismatch ? "The passwords do not match" : undefined}
            />
          </div>
          <div className="bz-form-actions">
            <Button type="submit" pending={change.isPending} pendingLabel="Changing…">
              Change password
            </Button>
          </div>
        </Form>
      </Card>
    </Page>
  );
}
