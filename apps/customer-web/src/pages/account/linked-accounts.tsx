import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { LinkedIdentityDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";

/** The Google accounts that can sign this account in, each removable while another way in remains. */
export function LinkedAccountsPage() {
  const trpc = useTRPC();
  const linked = useQuery(trpc.auth.linkedAccounts.queryOptions());
  const listError = useFormError(linked.error);
  return (
    <Page
      title="Linked accounts"
      description="Google accounts that can sign you in. Remove any you do not recognise."
    >
      {linked.data ? (
        linked.data.length === 0 ? (
          <Card testId="linked-accounts-empty">
            <p className="bz-muted">
              No Google account is linked. Use “Sign in with Google” on the sign-in page to link the one with
              this email address.
            </p>
          </Card>
        ) : (
          <ul className="bz-list" data-testid="linked-accounts">
            {linked.data.map((l) => (
              <LinkedItem key={l.id} link={l} />
            ))}
          </ul>
        )
      ) : linked.error ? (
        <ErrorAlert error={listError} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function LinkedItem({ link }: { link: LinkedIdentityDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unlink = useMutation(
    trpc.auth.unlinkAccount.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.auth.linkedAccounts.queryFilter()),
    }),
  );
  const error = useFormError(unlink.error);
  return (
    <li>
      <Card className="bz-row" testId="linked-account">
        <div className="bz-row__main">
          <strong>Google</strong> · {link.email}
          <p className="bz-muted bz-small">
            Linked {formatDateTime(link.createdAt)} · last used {formatDateTime(link.lastUsedAt)}
          </p>
          {error?.reason === "identity.last_sign_in" ? (
            <Alert tone="warning" title="Google is your only way in">
              Choose a password first (<Link to="/forgot-password">Forgot your password?</Link> emails you a
              link), then remove Google.
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
        </div>
        <Button
          variant="danger"
          pending={unlink.isPending}
          pendingLabel="Removing…"
          onClick={() => unlink.mutate({ id: link.id })}
        >
          Remove
        </Button>
      </Card>
    </li>
  );
}
