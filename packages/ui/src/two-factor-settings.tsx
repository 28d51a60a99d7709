import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, ErrorAlert, Form, TextField } from "./form";
import { Card, Loading } from "./layout";
import { AuthenticatorSetup, RecoveryCodes } from "./recovery-codes";

/**
 * The "Two-factor authentication" section of an account's security settings: turn it on
 * (QR, key, a code to confirm, recovery codes shown once), new recovery codes, turn it off
 * (both need the password or a current code) and the devices that skip the code.
 */
export function TwoFactorSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.auth.twoFactorStatus.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.auth.twoFactorStatus.pathFilter());
  const loadError = useFormError(status.error);

  return (
    <Card title="Two-factor authentication" testId="two-factor">
      {status.isPending ? (
        <Loading />
      ) : !status.data ? (
        <ErrorAlert error={loadError} />
      ) : codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : status.data.enabled ? (
        <Enabled
          enabledAt={status.data.enabledAt}
          required={status.data.required}
          recoveryCodesLeft={status.data.recoveryCodesLeft}
          onCodes={setCodes}
          onChanged={refresh}
        />
      ) : (
        <TurnOn
          required={status.data.required}
          onOn={async (c) => {
            setCodes(c);
            await refresh();
          }}
        />
      )}
    </Card>
  );
}

function TurnOn({ required, onOn }: { required: boolean; onOn: (codes: string[]) => void }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.auth.startTwoFactor.mutationOptions());
  const confirm = useMutation(
    trpc.auth.confirmTwoFactor.mutationOptions({ onSuccess: (r) => onOn(r.recoveryCodes) }),
  );
  const [code, setCode] = useState("");
  const startError = useFormError(start.error);
  const confirmError = useFormError(confirm.error);

  if (!start.data)
    return (
      <div>
        <p className="bz-muted" data-testid="two-factor-off">
          {required
            ? "Admins must use two-factor authentication: set it up now."
            : "Off. Turn it on to sign in with a code from an authenticator app as well as your password."}
        </p>
        <ErrorAlert error={startError} />
        <Button onClick={() => start.mutate()} pending={start.isPending} pendingLabel="Preparing…">
          Turn on two-factor authentication
        </Button>
      </div>
    );
  return (
    <Form
      onSubmit={() => confirm.mutate({ code })}
      pending={confirm.isPending}
      aria-label="Confirm two-factor authentication"
      testId="two-factor-confirm"
    >
      <AuthenticatorSetup enrolment={start.data} />
      <ErrorAlert error={confirmError} fields={["code"]} />
      <TextField
        id="two-factor-code"
        label="Authentication code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onValue={setCode}
        error={confirmError?.fieldErrors.code}
        required
      />
      <Button type="submit" pending={confirm.isPending} pendingLabel="Checking…">
        Confirm and turn on
      </Button>
    </Form>
  );
}

function Enabled(props: {
  enabledAt: Date | null;
  required: boolean;
  recoveryCodesLeft: number;
  onCodes: (codes: string[]) => void;
  onChanged: () => Promise<unknown>;
}) {
  const [action, setAction] = useState<"disable" | "regenerate" | null>(null);
  return (
    <div>
      <Alert tone="success" title="On" testId="two-factor-on">
        {props.enabledAt ? `Since ${formatDateTime(props.enabledAt)}. ` : ""}
        {props.recoveryCodesLeft} of 10 recovery codes left.
      </Alert>
      {action ? (
        <Reauthenticate
          action={action}
          required={props.required}
          onCancel={() => setAction(null)}
          onDone={async (codes) => {
            setAction(null);
            if (codes) props.onCodes(codes);
            await props.onChanged();
          }}
        />
      ) : (
        <div className="bz-actions">
          <Button variant="secondary" onClick={() => setAction("regenerate")}>
            New recovery codes
          </Button>
          <Button variant="danger" onClick={() => setAction("disable")}>
            Turn off
          </Button>
        </div>
      )}
      <TrustedDevices />
    </div>
  );
}

/** Weakening the factor asks for the password or a current code again. */
function Reauthenticate(props: {
  action: "disable" | "regenerate";
  required: boolean;
  onCancel: () => void;
  onDone: (codes?: string[]) => Promise<void>;
}) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const disable = useMutation(
    trpc.auth.disableTwoFactor.mutationOptions({ onSuccess: () => props.onDone() }),
  );
  const regenerate = useMutation(
    trpc.auth.regenerateRecoveryCodes.mutationOptions({ onSuccess: (r) => props.onDone(r.recoveryCodes) }),
  );
  const mutation = props.action === "disable" ? disable : regenerate;
  const error = useFormError(mutation.error);
  const label = props.action === "disable" ? "Turn off two-factor authentication" : "Make new recovery codes";
  return (
    <Form
      onSubmit={() => mutation.mutate({ password })}
      pending={mutation.isPending}
      aria-label={label}
      testId={`two-factor-${props.action}`}
    >
      {props.action === "disable" && (
        <Alert tone="warning">
          {props.required
            ? "Admins must use it: you will set it up again at your next sign-in."
            : "Signing in will need only your password, and remembered devices are forgotten."}
        </Alert>
      )}
      {props.action === "regenerate" && (
        <p className="bz-muted">Your current recovery codes will stop working.</p>
      )}
      <ErrorAlert error={error} fields={["password", "code"]} />
      <TextField
        id={`two-factor-${props.action}-password`}
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
        error={error?.fieldErrors.password}
        required
      />
      <div className="bz-actions">
        <Button
          type="submit"
          variant={props.action === "disable" ? "danger" : "primary"}
          pending={mutation.isPending}
        >
          {label}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

function TrustedDevices() {
  const trpc = useTRPC();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const devices = useQuery(trpc.auth.trustedDevices.queryOptions(undefined, { enabled: !!user }));
  const revoke = useMutation(
    trpc.auth.revokeTrustedDevice.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.trustedDevices.pathFilter()),
    }),
  );
  const error = useFormError(devices.error ?? revoke.error);
  if (devices.isPending) return <Loading label="Loading remembered devices…" />;
  return (
    <div data-testid="trusted-devices">
      <h3>Remembered devices</h3>
      <ErrorAlert error={error} />
      {devices.data?.length ? (
        <ul className="bz-list">
          {devices.data.map((d) => (
            <li key={d.id}>
              {d.userAgent ?? "Unknown device"} — last used {formatDateTime(d.lastUsedAt)}, until{" "}
              {formatDateTime(d.expiresAt)}{" "}
              <Button
                variant="link"
                onClick={() => revoke.mutate({ deviceId: d.id })}
                pending={revoke.isPending && revoke.variables?.deviceId === d.id}
              >
                Forget
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="bz-muted">No device skips the code.</p>
      )}
    </div>
  );
}
