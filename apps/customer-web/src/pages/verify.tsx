import { toFormError, useAuth, useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Form, TextField, useCountdown, waitText } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { showCartMerge } from "../cart/cart-memory";

/** The server allows one code per email per minute. */
const RESEND_COOLDOWN_SECONDS = 60;

type ArrivedFrom = { message?: string; sentAt?: number } | null;

export function VerifyPage() {
  const trpc = useTRPC();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const arrived = useLocation().state as ArrivedFrom;
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState(arrived?.message ?? null);
  // Counting restarts whenever a new cooldown is set.
  const [cooldown, setCooldown] = useState(() => {
    const elapsed = arrived?.sentAt
      ? Math.floor((Date.now() - arrived.sentAt) / 1000)
      : RESEND_COOLDOWN_SECONDS;
    return { seconds: Math.max(0, RESEND_COOLDOWN_SECONDS - elapsed), at: Date.now() };
  });
  const wait = useCountdown(cooldown.seconds, cooldown.at);

  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: (result) => {
        auth.setSession(result);
        showCartMerge(result.cartMerge);
        navigate("/account", { replace: true, state: { welcome: true } });
      },
    }),
  );
  const resend = useMutation(
    trpc.auth.resendOtp.mutationOptions({
      onSuccess: (result) => {
        setNotice(result.message);
        setCode("");
        verify.reset();
        setCooldown({ seconds: RESEND_COOLDOWN_SECONDS, at: Date.now() });
      },
      onError: (e) => {
        const retry = toFormError(e).retryAfterSeconds;
        if (retry) setCooldown({ seconds: retry, at: Date.now() });
      },
    }),
  );
  const error = useFormError(verify.error);
  const resendError = useFormError(resend.error);

  const attemptsLeft = error?.details.attemptsLeft;
  const codeError = error?.fieldErrors.code
    ? `${error.fieldErrors.code}${typeof attemptsLeft === "number" ? `. ${attemptsLeft} attempt${attemptsLeft === 1 ? "" : "s"} left.` : ""}`
    : undefined;
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
          error={codeError}
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
      <div className="bz-card__footer bz-resend">
        {resendError && !resendError.retryAfterSeconds && <ErrorAlert error={resendError} />}
        <p className="bz-muted" data-testid="resend-status">
          Didn't get it? Check your spam folder.{" "}
          {wait > 0 ? (
            `You can ask for a new code in ${waitText(wait)}.`
          ) : (
            <Button
              variant="link"
              disabled={!email}
              pending={resend.isPending}
              pendingLabel="Sending…"
              onClick={() => resend.mutate({ email })}
            >
              Send a new code
            </Button>
          )}
        </p>
        {fromQuery && <Link to="/verify">Use another email</Link>}
      </div>
    </Card>
  );
}
