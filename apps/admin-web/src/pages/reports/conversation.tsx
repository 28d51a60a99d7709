import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Card, ConversationSubject, ErrorAlert, Loading, MessageList, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useParams } from "react-router";

/**
 * `/conversations/:id`: a buyer–seller conversation, read-only, opened from a reported
 * message. The API lets an admin in only while one of its messages is reported, and records
 * every opening in the audit log; the page says so before showing anything.
 */
export function ConversationPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const thread = useQuery({
    ...trpc.admin.messages.thread.queryOptions({ conversationId: id }),
    staleTime: 0,
  });
  const error = useFormError(thread.error);
  const back = (
    <button type="button" className="bz-button bz-button--secondary" onClick={() => navigate(-1)}>
      Back
    </button>
  );
  const notice = (
    <Alert tone="warning" title="Private conversation" testId="audited-notice">
      You can read this because one of its messages was reported. It is read-only, and your access is recorded
      in the audit log.
    </Alert>
  );
  if (thread.error)
    return (
      <Page title="Reported conversation" actions={back}>
        {notice}
        {error?.code === "FORBIDDEN" || error?.code === "NOT_FOUND" ? (
          <Alert tone="info">
            This conversation cannot be opened: none of its messages is reported, or it no longer exists.
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
      </Page>
    );
  if (!thread.data) return <Loading label="Loading the conversation…" />;
  const { conversation: c, messages } = thread.data;
  const shop = c.shop.name;
  const buyer = c.customer.name;
  return (
    <Page
      title={`${buyer} and ${shop}`}
      description={<ConversationSubject subject={c.subject} />}
      actions={back}
    >
      {notice}
      <Card testId="thread">
        <MessageList
          label={`Messages between ${buyer} and ${shop}`}
          messages={messages}
          author={(m) => (m.sender === "customer" ? `${buyer} (buyer)` : `${shop} (shop)`)}
        />
        <p className="bz-muted bz-small bz-mt">
          Read receipts: the buyer has read up to message {c.customerReadSeq}, the shop up to{" "}
          {c.sellerReadSeq}. Reported messages are marked; hidden ones show their text to you only.
        </p>
      </Card>
    </Page>
  );
}
