import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { SessionDto } from "@bazaar/schemas";
import { Button, Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

/** "Chrome on Linux" from a user agent: enough to recognise a device. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\//, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrom(e|ium)\//, "Chrome"],
      [/Safari\//, "Safari"],
      [/okhttp|Expo|ReactNative/i, "Bazaar app"],
      [/node|undici|curl/i, "Script"],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? "Browser";
  const os =
    [
      [/Android/, "Android"],
      [/iPhone|iPad/, "iOS"],
      [/Windows/, "Windows"],
      [/Mac OS X/, "macOS"],
      [/Linux/, "Linux"],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null;
  return os ? `${browser} on ${os}` : String(browser);
}

export function SessionsPage() {
  const trpc = useTRPC();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const listError = useFormError(sessions.error);
  return (
    <Page
      title="Devices"
      description="Where your account is signed in. Sign out any device you do not recognise."
    >
      {sessions.data ? (
        <ul className="bz-list" data-testid="sessions">
          {sessions.data.map((s) => (
            <SessionItem key={s.id} session={s} />
          ))}
        </ul>
      ) : sessions.error ? (
        <ErrorAlert error={listError} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function SessionItem({ session }: { session: SessionDto }) {
  const trpc = useTRPC();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.sessions.queryFilter()),
    }),
  );
  const error = useFormError(revoke.error);
  return (
    <li>
      <Card className="bz-row" testId={session.current ? "session-current" : "session"}>
        <div className="bz-row__main">
          <strong>{describeDevice(session.userAgent)}</strong>{" "}
          {session.current && <span className="bz-tag bz-tag--accent">This device</span>}
          <p className="bz-muted bz-small">
            Last active {formatDateTime(session.lastUsedAt)} · signed in {formatDateTime(session.createdAt)}
            {session.ip && ` · IP ${session.ip}`}
          </p>
          <ErrorAlert error={error} />
        </div>
        {session.current ? (
          <Button variant="secondary" onClick={() => auth.logout()}>
            Sign out
          </Button>
        ) : (
          <Button
            variant="danger"
            pending={revoke.isPending}
            pendingLabel="Signing out…"
            onClick={() => revoke.mutate({ sessionId: session.id })}
          >
            Sign out device
          </Button>
        )}
      </Card>
    </li>
  );
}
