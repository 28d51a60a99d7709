import { type FormError, toFormError, useFormError, useTRPC } from "@bazaar/client";
import { Button, ErrorAlert, useCountdown, waitText } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";

/** The server allows one code per email per minute. */
const RESEND_COOLDOWN_SECONDS = 60;

/**
 * Asking for a new code, with the wait the server imposes: counted from when the last code
 * was sent (on arrival from sign-up), or from the server's retry-after when it refuses.
 */
export function useResendCode(sentAt: number | undefined, onSent: (message: string) => void) {
  const trpc = useTRPC();
  // Counting restarts whenever a new cooldown is set.
  const [cooldown, setCooldown] = useState(() => {
    const elapsed = sentAt ? Math.floor((Date.now() - sentAt) / 1000) : RESEND_COOLDOWN_SECONDS;
    return { seconds: Math.max(0, RESEND_COOLDOWN_SECONDS - elapsed), at: Date.now() };
  });
  const wait = useCountdown(cooldown.seconds, cooldown.at);
  const resend = useMutation(
    trpc.auth.resendOtp.mutationOptions({
      onSuccess: (result) => {
        onSent(result.message);
        setCooldown({ seconds: RESEND_COOLDOWN_SECONDS, at: Date.now() });
      },
      onError: (e) => {
        const retry = toFormError(e).retryAfterSeconds;
        if (retry) setCooldown({ seconds: retry, at: Date.now() });
      },
    }),
  );
  const error = useFormError(resend.error);
  return { wait, error, pending: resend.isPending, send: (email: string) => resend.mutate({ email }) };
}

/** The card's footer: the wait before another code, or the button to ask for one. */
export function ResendCode(props: {
  email: string;
  resend: ReturnType<typeof useResendCode>;
  /** Arrived with the email in the address: offer to use another. */
  fromQuery: boolean;
}) {
  const { resend, email } = props;
  const error: FormError | null = resend.error;
  return (
    <div className="bz-card__footer bz-resend">
      {error && !error.retryAfterSeconds && <ErrorAlert error={error} />}
      <p className="bz-muted" data-testid="resend-status">
        Didn't get it? Check your spam folder.{" "}
        {resend.wait > 0 ? (
          `You can ask for a new code in ${waitText(resend.wait)}.`
        ) : (
          <Button
            variant="link"
            disabled={!email}
            pending={resend.pending}
            pendingLabel="Sending…"
            onClick={() => resend.send(email)}
          >
            Send a new code
          </Button>
        )}
      </p>
      {props.fromQuery && <Link to="/verify">Use another email</Link>}
    </div>
  );
}
