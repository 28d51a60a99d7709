import { type FormError, useAuth, useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { showCartMerge } from "../cart/cart-memory";
import { ResendCode, useResendCode } from "./resend-code";

type ArrivedFrom = { message?: string; sentAt?: number } | null;

/** "Wrong code. 2 attempts left.": the field error with what the server says is left. */
const codeErrorText = (error: FormError | null) => {
  const attemptsLeft = error?.details.attemptsLeft;
  return error?.fieldErrors.code
    ? `${error.fieldErrors.code}${typeof attemptsLeft === "number" ? `. ${attemptsLeft} attempt${attemptsLeft === 1 ? "" : "s"} left.` : ""}`
    : undefined;
};

export function VerifyPage() {
  const trpc = useTRPC();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const arrived = useLocation().state as ArrivedFrom;
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState(arrived?.message ?? null);

  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: (result) => {
        auth.setSession(result);
        showCartMerge(result.cartMerge);
        navigate("/account", { replace: true, state: { welcome: true } });
      },
    }),
  );
  const resend = useResendCode(arrived?.sentAt, (message) => {
    setNotice(message);
    setCode("");
    verify.reset();
  });
  const error = useFormError(verify.error);
  const fromQuery = params.has("email");

  return (
    <Card className="bz-card--narrow">
      <h1 className="bz-card__heading">Check your email</h1>
      <p className="bz-muted">
        {email ? (
          <>
            Enter the 6-digit code we sent to <strong>{email}</strong>.
          </>
        ) : (
          "Enter your email and the 6-digit code we sent you."
        )}
      </p>
      {notice && !error && (
        <Alert tone="info" testId="verify-notice">
          {notice}
        </Alert>
      )}
      <Form
        aria-label="Verify email"
        testId="verify-form"
        pending={verify.isPending}
        onSubmit={() => verify.mutate({ email, code })}
      >
        <ErrorAlert error={error} fields={fromQuery ? ["code"] : ["email", "code"]} />
        {!fromQuery && (
          <TextField
            id="email"
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onValue={setEmail}
            error={error?.fieldErrors.email}
          />
        )}
        <TextField
          id="code"
          label="Verification code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          value={code}
          onValue={(v) => setCode(v.replace(/\D/g, ""))}
          error={codeErrorText(error)}
          hint="The code expires 10 minutes after it was sent."
        />
        <Button
          type="submit"
          pending={verify.isPending}
          pendingLabel="Verifying…"
          className="bz-button--block"
        >
          Verify and sign in
        </Button>
      </Form>
      <ResendCode email={email} resend={resend} fromQuery={fromQuery} />
    </Card>
  );
}
