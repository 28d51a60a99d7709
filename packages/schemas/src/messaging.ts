// Buyer–seller conversations (issue #15): inputs and outputs of `messages.*`, `seller.messages.*`, `admin.messages.*`.
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";
import { ReportReason } from "./reports";

export const MESSAGE_MAX_CHARS = 2000;
export const MESSAGE_MAX_IMAGES = 4;

/** What a conversation is about: one of the shop's live products, or one of the buyer's sub-orders with that shop. */
export const ConversationSubjectInput = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("product"), productId: Id }),
    z.object({ type: z.literal("sub_order"), subOrderId: Id }),
  ],
  { error: "Say what the conversation is about: a product or an order" },
);
export type ConversationSubjectInput = z.input<typeof ConversationSubjectInput>;

/** Who wrote a message: the buyer or the shop. */
export const MessageSender = z.enum(["customer", "seller"]);
export type MessageSender = z.infer<typeof MessageSender>;

const MessageBody = safeText("Message", { multiline: true }).max(
  MESSAGE_MAX_CHARS,
  `Keep your message under ${MESSAGE_MAX_CHARS} characters`,
);
/** Media ids from the media upload (`POST /api/media`), uploaded by the sender. */
const MessageImageIds = z
  .array(Id, { error: "Images must be a list of uploaded image ids" })
  .max(MESSAGE_MAX_IMAGES, `Attach at most ${MESSAGE_MAX_IMAGES} images`)
  .refine((ids) => new Set(ids).size === ids.length, { message: "The same image is attached twice" })
  .default([]);

/** Text, images or both: an empty message says nothing. */
const withContent = <T extends { body: string; imageIds: string[] }>(v: T, ctx: z.RefinementCtx) => {
  if (v.body.length === 0 && v.imageIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["body"], message: "Write a message or attach an image" });
};

const Seq = z
  .number({ error: "A message position must be a number" })
  .int("A message position must be a whole number")
  .min(0, "A message position cannot be negative")
  .max(Number.MAX_SAFE_INTEGER, "A message position is out of range");

// ---- inputs ------------------------------------------------------------------------------

/**
 * `messages.start`: the buyer opens (or reopens) the one conversation they have with a shop
 * about a subject, with a first message. Idempotent per buyer, shop and subject: starting
 * again returns the same conversation with the new message in it. `sellerId` is optional
 * (the subject names its shop); when given it must be that shop.
 */
export const StartConversationInput = z
  .object({
    sellerId: Id.optional(),
    subject: ConversationSubjectInput,
    body: MessageBody,
    imageIds: MessageImageIds,
  })
  .superRefine(withContent);
export type StartConversationInput = z.input<typeof StartConversationInput>;

/** How an inbox is sorted: newest activity first, or conversations with unread messages first. */
export const ConversationSort = z.enum(["recent", "unread_first"], {
  message: "Sort is recent or unread_first",
});
export type ConversationSort = z.infer<typeof ConversationSort>;

/**
 * `messages.list` and `seller.messages.list`. Without `sort` the buyer's inbox is `recent`
 * and the shop's `unread_first`. `unreadOnly` lists only conversations with unread messages.
 */
export const ConversationsListInput = PageInput.extend({
  sort: ConversationSort.optional(),
  unreadOnly: z.boolean({ error: "unreadOnly must be true or false" }).default(false),
});
export type ConversationsListInput = z.input<typeof ConversationsListInput>;

/**
 * `messages.thread`, `seller.messages.thread`, `admin.messages.thread`: messages in seq order
 * (oldest first). Without a cursor: the latest `limit`. `beforeSeq` pages back to older ones;
 * `afterSeq` catches up on newer ones (e.g. after a reconnect). Not both.
 */
export const ThreadInput = z
  .object({
    conversationId: Id,
    afterSeq: Seq.optional(),
    beforeSeq: Seq.optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .superRefine((v, ctx) => {
    if (v.afterSeq !== undefined && v.beforeSeq !== undefined)
      ctx.addIssue({ code: "custom", path: ["beforeSeq"], message: "Page forwards or backwards, not both" });
  });
export type ThreadInput = z.input<typeof ThreadInput>;

/** `messages.send` and `seller.messages.send`: a reply in an existing conversation. */
export const SendMessageInput = z
  .object({ conversationId: Id, body: MessageBody, imageIds: MessageImageIds })
  .superRefine(withContent);
export type SendMessageInput = z.input<typeof SendMessageInput>;

/**
 * `messages.markRead` and `seller.messages.markRead`: the caller has read the conversation up
 * to `upToSeq` (default: everything in it). Read marks only move forward.
 */
export const MarkConversationReadInput = z.object({ conversationId: Id, upToSeq: Seq.optional() });
export type MarkConversationReadInput = z.input<typeof MarkConversationReadInput>;

/**
 * `messages.onMessage`: the caller's inbox stream. `lastSeq` is the last message seq the client
 * saw; the tRPC client adds `lastEventId` by itself when it reconnects, and that one wins.
 * Every message after it is sent first, then live ones, without gaps or duplicates. Without
 * either, the stream starts at the present.
 */
export const OnMessageInput = z
  .object({
    lastSeq: Seq.optional(),
    lastEventId: z
      .string()
      .regex(/^\d{1,15}$/, "lastEventId must be a message position")
      .optional()
      .nullable(),
  })
  .optional();
export type OnMessageInput = z.input<typeof OnMessageInput>;

/** `messages.report`: a participant reports a message of the other side to the moderators. */
export const ReportMessageInput = z
  .object({
    messageId: Id,
    reason: ReportReason,
    note: safeText("Note", { multiline: true }).max(1000, "Keep the note under 1000 characters").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && (!v.note || v.note.length < 3))
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what is wrong (at least 3 characters)" });
  });
export type ReportMessageInput = z.input<typeof ReportMessageInput>;

/** `admin.messages.thread`: only for a conversation with a reported message; every read is audited. */
export const AdminThreadInput = ThreadInput;
export type AdminThreadInput = z.input<typeof AdminThreadInput>;

/** `shops.responseTime`: the public shop page's "usually replies within". */
export const ShopResponseTimeInput = z.object({ sellerId: Id });
export type ShopResponseTimeInput = z.input<typeof ShopResponseTimeInput>;

// ---- DTOs --------------------------------------------------------------------------------

export type MessageImageDto = { id: string; url: string };

export type MessageDto = {
  id: string;
  /** Global, ever-increasing: the catch-up cursor. */
  seq: number;
  conversationId: string;
  sender: MessageSender;
  /** The caller wrote it. */
  mine: boolean;
  /** Empty when the message was hidden after a report (`hidden` true). */
  body: string;
  images: MessageImageDto[];
  hidden: boolean;
  createdAt: Date;
};

/** The conversation's subject as shown beside it: the product, or the order. */
export type ConversationSubjectDto =
  | {
      type: "product";
      productId: string | null;
      title: string | null;
      slug: string | null;
      imageUrl: string | null;
    }
  | {
      type: "sub_order";
      subOrderId: string | null;
      orderId: string | null;
      /** The order number the buyer sees (e.g. BZ-…). */
      number: string | null;
      status: string | null;
    };

export type ConversationDto = {
  id: string;
  subject: ConversationSubjectDto;
  shop: { id: string; name: string; slug: string };
  /** The buyer as the shop sees them: first name and initial. */
  customer: { id: string; name: string };
  lastMessageAt: Date | null;
  lastMessageSeq: number | null;
  lastMessagePreview: string | null;
  /** Unread messages for the caller's side. */
  unread: number;
  /** Read receipts: the highest seq each side has read. */
  myReadSeq: number;
  otherReadSeq: number;
  createdAt: Date;
};

export type ConversationsPageDto = { items: ConversationDto[]; nextCursor: string | null };

export type ThreadDto = {
  conversation: ConversationDto;
  /** Oldest first. */
  messages: MessageDto[];
  /** Pass as `beforeSeq` for older messages; null when the first message is in view. */
  olderBeforeSeq: number | null;
};

export type StartConversationDto = {
  conversation: ConversationDto;
  message: MessageDto;
  /** False when the buyer already had this conversation: the message joined it. */
  created: boolean;
};

export type MarkReadDto = { conversationId: string; readSeq: number; unread: number };

/** Unread messages in all the caller's conversations, and how many conversations hold them. */
export type MessageUnreadCountDto = { messages: number; conversations: number };

/**
 * What `messages.onMessage` streams. `message`: a new message in one of the caller's
 * conversations (the id of the SSE event is its seq). `read`: the other side (or the caller
 * on another device) read up to `readSeq`.
 */
export type MessageEventDto =
  | {
      kind: "message";
      conversationId: string;
      message: MessageDto;
      /** The caller's unread count in this conversation after the message. */
      unread: number;
    }
  | {
      kind: "read";
      conversationId: string;
      reader: MessageSender;
      readSeq: number;
      at: Date;
    };

/** An admin's view of a reported conversation: every message with its text (hidden ones too), reported ones flagged. */
export type AdminMessageDto = Omit<MessageDto, "mine"> & { reported: boolean };
export type AdminThreadDto = {
  conversation: Omit<ConversationDto, "unread" | "myReadSeq" | "otherReadSeq"> & {
    customerReadSeq: number;
    sellerReadSeq: number;
  };
  messages: AdminMessageDto[];
  olderBeforeSeq: number | null;
};

/** Median time a shop took to answer a buyer's first unanswered message, last 30 days. */
export type ShopResponseTimeDto = {
  /** Seconds; null when the shop answered too few messages to say. */
  medianSeconds: number | null;
  /** How many answered buyer messages the median is over. */
  sample: number;
};
