import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Card, ErrorAlert, Loading, MessageComposer, Page } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { findConversation, type StartState, subjectFromParams } from "./start-params";

/**
 * `/messages/new?productId=…|subOrderId=…`: "Message the seller" lands here. A conversation
 * about this already exists → it opens; otherwise the first message starts one (the server
 * keeps one per buyer, shop and subject, so sending twice still makes one).
 */
export function NewConversationPage() {
  const [params] = useSearchParams();
  const subject = subjectFromParams(params);
  const state = (useLocation().state ?? null) as StartState | null;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = useQuery({
    ...trpc.messages.list.queryOptions({ limit: 100 }),
    enabled: subject !== null,
  });
  const start = useMutation(
    trpc.messages.start.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.messages.pathFilter());
        navigate(`/messages/${r.conversation.id}`, { replace: true });
      },
    }),
  );
  const error = useFormError(start.error);
  const listError = useFormError(existing.error);
  const shop = state?.shopName ?? "the seller";

  if (!subject)
    return (
      <Page title="Message a seller">
        <Alert tone="info">
          Start from a product page or one of <Link to="/orders">your orders</Link>: “Message the seller” is
          beside each.
        </Alert>
      </Page>
    );
  if (existing.isPending) return <Loading />;
  const found = existing.data ? findConversation(existing.data.items, subject) : null;
  if (found) return <Navigate to={`/messages/${found.id}`} replace />;

  return (
    <Page
      title={`Message ${shop}`}
      description={state?.about ? `About ${state.about}` : "Ask about a product or an order."}
      actions={
        <Link to="/messages" className="bz-button bz-button--secondary">
          All messages
        </Link>
      }
    >
      <Card testId="new-conversation">
        {existing.error && <ErrorAlert error={listError} />}
        <p className="bz-muted bz-small">
          The shop sees your first name and what this is about, never your email or phone. Keep payments on
          Bazaar.
        </p>
        <MessageComposer
          label="Your message"
          submitLabel="Send message"
          autoFocus
          pending={start.isPending}
          error={error}
          onSend={(draft) => start.mutateAsync({ subject, ...draft })}
        />
      </Card>
    </Page>
  );
}
