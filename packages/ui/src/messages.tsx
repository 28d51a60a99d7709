import { type FormError, useMediaUploads } from "@bazaar/client";
import { formatDate, formatDateTime } from "@bazaar/client/format";
import {
  type ConversationDto,
  type ConversationSubjectDto,
  MEDIA_TYPES,
  MESSAGE_MAX_CHARS,
  MESSAGE_MAX_IMAGES,
  type MessageSender,
} from "@bazaar/schemas";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { Button, ErrorAlert } from "./form";
import { draftProblem, seenMessageId, timeAgo } from "./inbox-values";
import { UploadThumb } from "./upload-thumb";

/** A message as a thread shows it: the buyer's and seller's (with `mine`) and the admin's (with `reported`). */
export type ThreadMessage = {
  id: string;
  seq: number;
  sender: MessageSender;
  body: string;
  images: { id: string; url: string }[];
  hidden: boolean;
  createdAt: Date;
  mine?: boolean;
  reported?: boolean;
};

/** "Order BZ-1234-A" or the product's title: what a conversation is about, as text. */
export function subjectText(subject: ConversationSubjectDto): string {
  if (subject.type === "product") return subject.title ?? "A product no longer listed";
  return subject.number ? `Order ${subject.number}` : "An order";
}

/**
 * The subject beside a conversation, linking where the viewer's app shows it: `href` turns
 * the subject into a path in that app, or null to show it as plain text.
 */
export function ConversationSubject(props: {
  subject: ConversationSubjectDto;
  href?: (subject: ConversationSubjectDto) => string | null;
}) {
  const s = props.subject;
  const to = props.href?.(s) ?? null;
  const text = subjectText(s);
  return (
    <span className="bz-subject" data-testid="conversation-subject">
      {s.type === "product" && s.imageUrl && (
        <img src={s.imageUrl} alt="" className="bz-thumb bz-thumb--small" loading="lazy" />
      )}
      <span className="bz-tag bz-tag--plain">{s.type === "product" ? "Product" : "Order"}</span>{" "}
      {to ? <Link to={to}>{text}</Link> : <span>{text}</span>}
    </span>
  );
}

/**
 * An inbox: one link per conversation (the other side, the subject, the last message and
 * when, unread count), the open one marked. `name` says who the other side is for this viewer.
 */
export function ConversationQueue(props: {
  label: string;
  conversations: readonly ConversationDto[];
  selectedId: string | null;
  href: (c: ConversationDto) => string;
  name: (c: ConversationDto) => string;
  now: Date;
  footer?: ReactNode;
}) {
  return (
    <nav aria-label={props.label} className="bz-master">
      <ul className="bz-queue" data-testid="conversation-list">
        {props.conversations.map((c) => {
          const active = c.id === props.selectedId;
          return (
            <li key={c.id}>
              <Link
                to={props.href(c)}
                className={`bz-queue__item bz-conversation${active ? " bz-queue__item--active" : ""}${c.unread > 0 ? " bz-conversation--unread" : ""}`}
                aria-current={active ? "page" : undefined}
                data-testid="conversation-item"
              >
                <span className="bz-conversation__head">
                  <span className="bz-queue__title">{props.name(c)}</span>
                  {c.unread > 0 && (
                    <span className="bz-count" data-testid="conversation-unread">
                      {c.unread}
                      <span className="bz-visually-hidden"> unread</span>
                    </span>
                  )}
                </span>
                <span className="bz-small">{subjectText(c.subject)}</span>
                {c.lastMessagePreview !== null && (
                  <span className="bz-muted bz-small bz-conversation__preview">{c.lastMessagePreview}</span>
                )}
                {c.lastMessageAt && (
                  <time className="bz-muted bz-small" dateTime={c.lastMessageAt.toISOString()}>
                    {timeAgo(c.lastMessageAt, props.now, formatDate)}
                  </time>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      {props.footer}
    </nav>
  );
}

/**
 * The messages of a conversation, oldest first, in a live region so new ones are read out.
 * It keeps itself scrolled to the newest message while the reader is already at the bottom.
 * "Seen" sits under my newest message the other side has read (`otherReadSeq`).
 */
export function MessageList(props: {
  messages: readonly ThreadMessage[];
  /** Who wrote a message, as this viewer calls them ("You", the shop's name, "Buyer"). */
  author: (m: ThreadMessage) => string;
  /** Read receipts: the highest seq the other side has read; omit for none (the admin's view). */
  otherReadSeq?: number;
  /** A "Report" button under the other side's messages. */
  onReport?: (m: ThreadMessage) => void;
  /** "Load earlier messages" above the first one. */
  older?: ReactNode;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const seen =
    props.otherReadSeq === undefined ? null : seenMessageId(mine(props.messages), props.otherReadSeq);
  const newest = props.messages.at(-1)?.seq ?? 0;
  // Runs when the newest message changes: a new one arrived, or the thread opened.
  useEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [newest]);
  return (
    <div
      ref={box}
      className="bz-thread"
      role="log"
      aria-label={props.label}
      aria-live="polite"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      }}
      data-testid="message-list"
    >
      {props.older}
      {props.messages.length === 0 && <p className="bz-empty">No messages yet.</p>}
      <ol className="bz-thread__list">
        {props.messages.map((m) => (
          <li
            key={m.id}
            className={`bz-message${m.mine ? " bz-message--mine" : ""}${m.sender === "seller" ? " bz-message--seller" : ""}`}
            data-testid="message"
            data-seq={m.seq}
          >
            <div className="bz-message__bubble">
              <span className="bz-message__author">{props.author(m)}</span>
              {m.hidden ? (
                <p className="bz-muted bz-small" data-testid="message-hidden">
                  {m.body ? (
                    <>
                      <span className="bz-tag bz-tag--danger">Hidden</span>{" "}
                      <span className="bz-prewrap">{m.body}</span>
                    </>
                  ) : (
                    "This message was removed by Bazaar."
                  )}
                </p>
              ) : (
                m.body && (
                  <p className="bz-prewrap bz-message__body" data-testid="message-body">
                    {m.body}
                  </p>
                )
              )}
              {!m.hidden && m.images.length > 0 && (
                <ul className="bz-message__images" aria-label="Images">
                  {m.images.map((img, i) => (
                    <li key={img.id}>
                      <a href={img.url} target="_blank" rel="noreferrer">
                        <img
                          src={img.url}
                          alt={`Attachment ${i + 1} of ${m.images.length} from ${props.author(m)}`}
                          className="bz-thumb"
                          loading="lazy"
                        />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <span className="bz-message__meta bz-small">
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                {m.reported && <span className="bz-tag bz-tag--warning">Reported</span>}
                {m.id === seen && (
                  <span className="bz-message__seen" data-testid="message-seen">
                    Seen
                  </span>
                )}
                {props.onReport && !m.mine && !m.hidden && (
                  <Button
                    variant="link"
                    className="bz-small"
                    onClick={() => props.onReport?.(m)}
                    aria-label={`Report the message from ${props.author(m)} sent ${formatDateTime(m.createdAt)}`}
                    data-testid="report-message"
                  >
                    Report
                  </Button>
                )}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

const mine = (messages: readonly ThreadMessage[]) => messages.map((m) => ({ ...m, mine: m.mine ?? false }));

export type MessageDraft = { body: string; imageIds: string[] };

/**
 * Writing a message: text (Ctrl+Enter or ⌘+Enter sends) and up to four images, uploaded as
 * they are chosen. `onSend` resolves once the message is stored; the box then empties. A
 * refused send keeps the draft, with the error under it.
 */
export function MessageComposer(props: {
  onSend: (draft: MessageDraft) => Promise<unknown>;
  pending: boolean;
  error: FormError | null;
  label?: string;
  submitLabel?: string;
  placeholder?: string;
  autoFocus?: boolean;
  testId?: string;
}) {
  const id = useId();
  const [body, setBody] = useState("");
  const [images, setImages] = useState<{ mediaId: string; url: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const up = useMediaUploads({
    count: images.length,
    max: MESSAGE_MAX_IMAGES,
    noun: "images",
    onUploaded: (image) => setImages((list) => [...list, image]),
  });
  const full = images.length + up.pending.length >= MESSAGE_MAX_IMAGES;
  const fieldError = problem ?? props.error?.fieldErrors.body ?? props.error?.fieldErrors.imageIds;

  const send = async () => {
    const found = draftProblem(body, images.length, MESSAGE_MAX_CHARS);
    setProblem(found);
    if (found || up.busy || props.pending) return;
    try {
      await props.onSend({ body: body.trim(), imageIds: images.map((i) => i.mediaId) });
      setBody("");
      setImages([]);
    } catch {
      // The caller shows the error (props.error); the draft stays to send again.
    }
  };

  return (
    <form
      className="bz-composer"
      aria-label="Write a message"
      data-testid={props.testId ?? "message-composer"}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <ErrorAlert error={props.error} fields={["body", "imageIds"]} />
      <div className={`bz-field${fieldError ? " bz-field--invalid" : ""}`}>
        <label htmlFor={`${id}-body`} className="bz-field__label">
          {props.label ?? "Your message"}
        </label>
        <textarea
          id={`${id}-body`}
          className="bz-input bz-textarea"
          rows={3}
          value={body}
          maxLength={MESSAGE_MAX_CHARS}
          placeholder={props.placeholder}
          // biome-ignore lint/a11y/noAutofocus: the thread was opened to write in it
          autoFocus={props.autoFocus}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setBody(e.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        />
        {fieldError ? (
          <p id={`${id}-error`} className="bz-field__error" data-testid="composer-error">
            {fieldError}
          </p>
        ) : (
          <p id={`${id}-hint`} className="bz-field__hint">
            {body.length > MESSAGE_MAX_CHARS - 200
              ? `${MESSAGE_MAX_CHARS - body.length} characters left.`
              : "Ctrl+Enter sends."}
          </p>
        )}
      </div>
      {(images.length > 0 || up.pending.length > 0) && (
        <ol className="bz-thumbs" aria-label="Images to send">
          {images.map((img, i) => (
            <li key={img.mediaId} className="bz-thumbs__item" data-testid="composer-image">
              <img src={img.url} alt={`Attachment ${i + 1} to send`} className="bz-thumb" />
              <button
                type="button"
                className="bz-icon-button bz-icon-button--danger"
                aria-label={`Remove image ${i + 1}`}
                onClick={() => setImages((list) => list.filter((x) => x.mediaId !== img.mediaId))}
              >
                ×
              </button>
            </li>
          ))}
          {up.pending.map((u) => (
            <UploadThumb
              key={u.key}
              upload={u}
              onRetry={() => up.retry(u)}
              onDismiss={() => up.dismiss(u)}
              testId="composer-upload"
            />
          ))}
        </ol>
      )}
      {up.notice && (
        <p className="bz-field__hint" role="status">
          {up.notice}
        </p>
      )}
      <div className="bz-composer__actions">
        {!full && (
          <label className="bz-button bz-button--secondary bz-button--small bz-composer__attach">
            Add images
            <input
              type="file"
              accept={MEDIA_TYPES.join(",")}
              multiple
              className="bz-visually-hidden"
              data-testid="composer-file"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                if (files.length) void up.add(files);
              }}
            />
          </label>
        )}
        <span className="bz-muted bz-small">Up to {MESSAGE_MAX_IMAGES} images</span>
        <Button
          type="submit"
          pending={props.pending}
          pendingLabel="Sending…"
          disabled={up.busy}
          data-testid="message-send"
        >
          {up.busy ? "Waiting for images…" : (props.submitLabel ?? "Send")}
        </Button>
      </div>
    </form>
  );
}
