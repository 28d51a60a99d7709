import { type InboxSide, toFormError, useConversations, useFormError, useThread } from "@bazaar/client";
import type { ConversationDto, ConversationSubjectDto } from "@bazaar/schemas";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Button, ErrorAlert } from "./form";
import { unreadFirst } from "./inbox-values";
import { Card, Loading, Page } from "./layout";
import {
  ConversationQueue,
  ConversationSubject,
  MessageComposer,
  MessageList,
  type ThreadMessage,
} from "./messages";
import { ReportMessageDialog } from "./report-message-dialog";

export type InboxPageProps = {
  side: InboxSide;
  title: string;
  description: ReactNode;
  /** The inbox's path in this app; a conversation is `${basePath}/<id>`. */
  basePath: string;
  /** The other side as this viewer names them: the shop for a buyer, the buyer for a shop. */
  otherName: (c: ConversationDto) => string;
  /** Where the subject opens in this app (the product, the order), or null. */
  subjectHref: (s: ConversationSubjectDto) => string | null;
  /** Shown when there are no conversations yet: how one starts. */
  empty: ReactNode;
};

/**
 * An inbox, the buyer's or the shop's: conversations beside the open one, whose messages
 * arrive live (the app's shell runs the stream), are marked read as they are shown, and
 * can be answered with text and images or reported.
 */
export function InboxPage(props: InboxPageProps) {
  const { id } = useParams();
  const list = useConversations(props.side);
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const ordered = props.side === "seller" ? unreadFirst(rows) : rows;
  const [now] = useState(() => new Date());
  const selected = id ?? null;

  return (
    <Page title={props.title} description={props.description}>
      {list.isPending ? (
        <Loading label="Loading conversations…" />
      ) : list.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 && !selected ? (
        <Card>
          <div className="bz-empty" data-testid="inbox-empty">
            {props.empty}
          </div>
        </Card>
      ) : (
        <div className={`bz-inbox${selected ? " bz-inbox--open" : ""}`}>
          <ConversationQueue
            label="Conversations"
            conversations={ordered}
            selectedId={selected}
            href={(c) => `${props.basePath}/${c.id}`}
            name={props.otherName}
            now={now}
            footer={
              list.hasNextPage && (
                <Button
                  variant="secondary"
                  className="bz-button--block"
                  onClick={() => void list.fetchNextPage()}
                  pending={list.isFetchingNextPage}
                  pendingLabel="Loading…"
                >
                  Load more
                </Button>
              )
            }
          />
          {selected ? (
            <ThreadView key={selected} {...props} conversationId={selected} />
          ) : (
            <Card>
              <p className="bz-empty">Choose a conversation to read it.</p>
            </Card>
          )}
        </div>
      )}
    </Page>
  );
}

function ThreadView(props: InboxPageProps & { conversationId: string }) {
  const t = useThread(props.side, props.conversationId);
  const loadError = useFormError(t.thread.error);
  const sendError = useFormError(t.send.error);
  const reportError = useFormError(t.report.error);
  const [reporting, setReporting] = useState<ThreadMessage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (t.thread.error) {
    const gone = loadError?.code === "NOT_FOUND" || loadError?.code === "FORBIDDEN";
    return (
      <Card testId="thread">
        {gone ? (
          <Alert tone="info">This conversation does not exist, or it is not yours.</Alert>
        ) : (
          <ErrorAlert error={loadError} />
        )}
        <Link to={props.basePath}>All conversations</Link>
      </Card>
    );
  }
  const data = t.thread.data;
  if (!data) return <Loading label="Loading messages…" />;
  const c = data.conversation;
  const other = props.otherName(c);

  return (
    <section className="bz-card" aria-label={`Conversation with ${other}`} data-testid="thread">
      <div className="bz-thread-head">
        <div>
          <h2 className="bz-card__title">{other}</h2>
          <ConversationSubject subject={c.subject} href={props.subjectHref} />
        </div>
        <Link to={props.basePath} className="bz-small">
          All conversations
        </Link>
      </div>
      {notice && (
        <Alert tone="success" testId="thread-notice">
          {notice}
        </Alert>
      )}
      <MessageList
        label={`Messages with ${other}`}
        messages={t.messages}
        author={(m) => (m.mine ? "You" : other)}
        otherReadSeq={c.otherReadSeq}
        onReport={(m) => {
          t.report.reset();
          setReporting(m);
        }}
        older={
          t.olderBeforeSeq !== null && (
            <div className="bz-load-more">
              <Button
                variant="link"
                className="bz-small"
                onClick={() => t.olderBeforeSeq !== null && t.loadOlder.mutate(t.olderBeforeSeq)}
                pending={t.loadOlder.isPending}
                pendingLabel="Loading…"
              >
                Load earlier messages
              </Button>
            </div>
          )
        }
      />
      <MessageComposer
        label={`Reply to ${other}`}
        pending={t.send.isPending}
        error={sendError}
        onSend={(draft) => {
          setNotice(null);
          return t.send.mutateAsync({ conversationId: c.id, ...draft });
        }}
      />
      <ReportMessageDialog
        open={reporting !== null}
        pending={t.report.isPending}
        error={reportError}
        onClose={() => setReporting(null)}
        onSubmit={(report) => {
          if (!reporting) return;
          t.report.mutate(
            { messageId: reporting.id, ...report },
            {
              onSuccess: () => {
                setReporting(null);
                setNotice("Reported. Bazaar's moderators will look at this conversation.");
              },
              onError: (e) => {
                if (toFormError(e).reason === "report.already_reported") {
                  setReporting(null);
                  setNotice("You reported this message already.");
                }
              },
            },
          );
        }}
      />
    </section>
  );
}
