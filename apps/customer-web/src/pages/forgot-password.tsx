import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const error = useFormError(request.error);
  return (
    <Card className="bz-card--narrow">
      <h1 className="bz-card__heading">Forgot your password?</h1>
      <p className="bz-muted">Enter your email and we will send you a link to choose a new one.</p>
      {request.isSuccess ? (
        <Alert tone="success" title="Check your email" testId="reset-requested">
          {request.data.message}
        </Alert>
      ) : (
        <Form
          aria-label="Request a reset link"
          pending={request.isPending}
          onSubmit={() => request.mutate({ email })}
        >
          <ErrorAlert error={error} fields={["email"]} />
          <TextField
            id="email"
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onValue={setEmail}
            error={error?.fieldErrors.email}
          />
          <Button
            type="submit"
            pending={request.isPending}
            pendingLabel="Sending…"
            className="bz-button--block"
          >
            Send reset link
          </Button>
        </Form>
      )}
      <div className="bz-card__footer">
        <Link to="/login">Back to sign in</Link>
      </div>
    </Card>
  );
}
