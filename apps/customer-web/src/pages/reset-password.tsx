import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";

export function ResetPasswordPage() {
  const trpc = useTRPC();
  const auth = useAuth();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      // Every session ends with a reset, this one included.
      onSuccess: () => (auth.status === "signedIn" ? auth.logout() : undefined),
    }),
  );
  const error = useFormError(reset.error);

  if (!token) {
    return (
      <Card className="bz-card--narrow">
        <h1 className="bz-card__heading">Choose a new password</h1>
        <Alert tone="error">
          This reset link is incomplete. Open the link from the email again, or ask for a new one.
        </Alert>
        <div className="bz-card__footer">
          <Link to="/forgot-password">Ask for a new link</Link>
        </div>
      </Card>
    );
  }

  return (
    <Card className="bz-card--narrow">
      <h1 className="bz-card__heading">Choose a new password</h1>
      {reset.isSuccess ? (
        <>
          <Alert tone="success" title="Password changed" testId="reset-done">
            Your password is changed and every device was signed out. Sign in with your new password.
          </Alert>
          <Link to="/login" className="bz-button bz-button--primary bz-button--block">
            Sign in
          </Link>
        </>
      ) : (
        <Form
          aria-label="Choose a new password"
          pending={reset.isPending}
          onSubmit={() => {
            setMismatch(password !== confirm);
            if (password === confirm) reset.mutate({ token, newPassword: password });
          }}
        >
          <ErrorAlert error={error} fields={["newPassword"]} />
          {error?.reason === "auth.reset_token_invalid" && (
            <Link to="/forgot-password">Ask for a new link</Link>
          )}
          <TextField
            id="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
            error={error?.fieldErrors.newPassword}
            hint="At least 8 characters, with a letter and a number."
          />
          <TextField
            id="confirmPassword"
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onValue={setConfirm}
            error={mismatch ? "The passwords do not match" : undefined}
          />
          <Button type="submit" pending={reset.isPending} pendingLabel="Saving…" className="bz-button--block">
            Set new password
          </Button>
        </Form>
      )}
    </Card>
  );
}
