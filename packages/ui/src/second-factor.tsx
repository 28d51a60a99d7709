import { type FormError, toFormError, useAuth, useTRPCClient } from "@bazaar/client";
import type { SecondFactorChallenge, SignedInResult, TwoFactorEnrolmentDto } from "@bazaar/schemas";
import { useEffect, useState } from "react";
import { Alert, Button, ErrorAlert, Form, TextField } from "./form";
import { Loading } from "./layout";
import { AuthenticatorSetup, RecoveryCodes } from "./recovery-codes";

type StepProps = {
  challenge: SecondFactorChallenge;
  /** Called with the session once signed in. */
  onSignedIn?: (result: SignedInResult) => void;
  /** Back to the password form (the challenge expired, or another account). */
  onCancel: () => void;
};

/** After the password: a code from the authenticator app, or (an admin with none yet) setting one up. */
export function SecondFactorStep(props: StepProps) {
  return props.challenge.enrolmentRequired ? <EnrolmentStep {...props} /> : <CodeStep {...props} />;
}

const expired = (e: FormError | null) => e?.reason === "auth.challenge_invalid";

function RememberDevice({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="bz-checkbox" htmlFor="remember-device">
      <input
        id="remember-device"
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      Remember this device for 30 days
    </label>
  );
}

function ExpiredNotice({ onCancel }: { onCancel: () => void }) {
  return (
    <Alert tone="warning" title="Sign in again">
      This sign-in step expired or was used too many times.{" "}
      <Button variant="link" onClick={onCancel}>
        Back to sign in
      </Button>
    </Alert>
  );
}

function CodeStep({ challenge, onSignedIn, onCancel }: StepProps) {
  const auth = useAuth();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState("");
  const [remember, setRemember] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const field = useRecovery ? "recoveryCode" : "code";

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await auth.verifySecondFactor({
        challengeToken: challenge.challengeToken,
        ...(useRecovery ? { recoveryCode: value } : { code: value }),
        rememberDevice: remember,
      });
      if (result.status === "signed_in") onSignedIn?.(result);
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Form
      onSubmit={submit}
      pending={pending}
      aria-label="Two-factor authentication"
      testId="second-factor-form"
    >
      <h2 className="bz-card__title">Two-factor authentication</h2>
      {expired(error) ? <ExpiredNotice onCancel={onCancel} /> : <ErrorAlert error={error} fields={[field]} />}
      {useRecovery ? (
        <TextField
          id="recoveryCode"
          label="Recovery code"
          autoComplete="off"
          hint="One of the codes you saved when you turned on two-factor authentication. Each works once."
          value={value}
          onValue={setValue}
          error={error?.fieldErrors.recoveryCode ?? error?.fieldErrors.code}
          required
        />
      ) : (
        <TextField
          id="code"
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          hint="The 6-digit code your authenticator app shows."
          value={value}
          onValue={setValue}
          error={error?.fieldErrors.code}
          required
          autoFocus
        />
      )}
      <RememberDevice checked={remember} onChange={setRemember} />
      <Button type="submit" pending={pending} pendingLabel="Checking…" className="bz-button--block">
        Verify
      </Button>
      <div className="bz-actions">
        <Button
          variant="link"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setValue("");
            setError(null);
          }}
        >
          {useRecovery ? "Use a code from the app" : "Use a recovery code"}
        </Button>
        <Button variant="link" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

/**
 * An account that must have a second factor and has none (an admin's first sign-in): set up
 * the app with the sign-in's challenge, confirm a code, save the recovery codes, then in.
 */
function EnrolmentStep({ challenge, onSignedIn, onCancel }: StepProps) {
  const client = useTRPCClient();
  const auth = useAuth();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolmentDto | null>(null);
  const [code, setCode] = useState("");
  const [remember, setRemember] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState<SignedInResult | null>(null);

  useEffect(() => {
    let gone = false;
    client.auth.startChallengeEnrolment
      .mutate({ challengeToken: challenge.challengeToken })
      .then((e) => !gone && setEnrolment(e))
      .catch((e) => !gone && setError(toFormError(e)));
    return () => {
      gone = true;
    };
  }, [client, challenge.challengeToken]);

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      // Not through useAuth: the session is adopted only after the recovery codes are saved.
      const result = await client.auth.confirmChallengeEnrolment.mutate({
        challengeToken: challenge.challengeToken,
        code,
        rememberDevice: remember,
      });
      if (result.status === "signed_in") setDone(result);
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setPending(false);
    }
  };

  if (done)
    return (
      <div>
        <h2 className="bz-card__title">Two-factor authentication is on</h2>
        <RecoveryCodes
          codes={done.recoveryCodes ?? []}
          onDone={() => {
            auth.setSession(done);
            onSignedIn?.(done);
          }}
        />
      </div>
    );
  if (expired(error)) return <ExpiredNotice onCancel={onCancel} />;
  if (!enrolment)
    return error ? <ErrorAlert error={error} /> : <Loading label="Preparing your authenticator key…" />;
  return (
    <Form
      onSubmit={submit}
      pending={pending}
      aria-label="Set up two-factor authentication"
      testId="enrolment-form"
    >
      <h2 className="bz-card__title">Set up two-factor authentication</h2>
      <p className="bz-muted">
        Admins sign in with a code from an authenticator app as well as the password.
      </p>
      <ErrorAlert error={error} fields={["code"]} />
      <AuthenticatorSetup enrolment={enrolment} />
      <TextField
        id="code"
        label="Authentication code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onValue={setCode}
        error={error?.fieldErrors.code}
        required
      />
      <RememberDevice checked={remember} onChange={setRemember} />
      <Button type="submit" pending={pending} pendingLabel="Checking…" className="bz-button--block">
        Turn on and sign in
      </Button>
      <Button variant="link" onClick={onCancel}>
        Cancel
      </Button>
    </Form>
  );
}
