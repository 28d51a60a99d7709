// zod schemas of the reports domain: inputs, DTOs and their enums.
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";

export const ReportTargetType = z.enum(["product", "review", "question", "answer", "shop", "message"], {
  message: "Choose what you are reporting: a product, review, question, answer, shop or message",
});
export type ReportTargetType = z.infer<typeof ReportTargetType>;

export const ReportReason = z.enum(
  ["spam", "offensive", "counterfeit", "prohibited", "misleading", "other"],
  {
    message: "Choose a reason: spam, offensive, counterfeit, prohibited, misleading or other",
  },
);
export type ReportReason = z.infer<typeof ReportReason>;

/** open: waiting for an admin · dismissed: nothing done · actioned: content hidden, unlisted or shop suspended. */
export const ReportCaseStatus = z.enum(["open", "dismissed", "actioned"], {
  message: "Status is open, dismissed or actioned",
});
export type ReportCaseStatus = z.infer<typeof ReportCaseStatus>;

/**
 * dismiss: nothing wrong · hide: a review, question or answer leaves public view ·
 * unlist: a product is taken down (the shop stays open) · suspend_shop: the shop of the
 * target (or the reported shop) is suspended.
 */
export const ReportAction = z.enum(["dismiss", "hide", "unlist", "suspend_shop"], {
  message: "Action is dismiss, hide, unlist or suspend_shop",
});
export type ReportAction = z.infer<typeof ReportAction>;

const Note = safeText("Note", { multiline: true }).max(1000, "Keep the note under 1000 characters");
const AdminReason = safeText("Note", { multiline: true })
  .min(3, "Give a reason of at least 3 characters")
  .max(1000, "Keep the note under 1000 characters");

// ---- inputs ------------------------------------------------------------------------------
export const ReportCreateInput = z
  .object({
    targetType: ReportTargetType,
    targetId: Id,
    reason: ReportReason,
    /** Required when the reason is `other`. */
    note: Note.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && (!v.note || v.note.length < 3))
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what is wrong (at least 3 characters)" });
  });
export type ReportCreateInput = z.input<typeof ReportCreateInput>;

export const AdminReportsListInput = PageInput.extend({
  status: ReportCaseStatus.default("open"),
  targetType: ReportTargetType.optional(),
});
export type AdminReportsListInput = z.input<typeof AdminReportsListInput>;

export const ReportCaseIdInput = z.object({ id: Id });
export type ReportCaseIdInput = z.input<typeof ReportCaseIdInput>;

export const ReportResolveInput = z
  .object({
    id: Id,
    action: ReportAction,
    /** The reason: shown to the seller on a takedown; required for every action but dismiss. */
    note: Note.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== "dismiss" && (!v.note || v.note.length < 3))
      ctx.addIssue({ code: "custom", path: ["note"], message: "Give a reason of at least 3 characters" });
  });
export type ReportResolveInput = z.input<typeof ReportResolveInput>;

/** Undo a `hide`: the review, question or answer is shown again. */
export const ReportRestoreInput = z.object({ id: Id, note: AdminReason });
export type ReportRestoreInput = z.input<typeof ReportRestoreInput>;

/** `admin.products.takeDown`: keyed by productId like the other admin product decisions. */
export const ProductTakeDownInput = z.object({
  productId: Id,
  reason: safeText("Reason", { multiline: true })
    .min(3, "Give a reason of at least 3 characters")
    .max(500, "Keep the reason under 500 characters"),
});
export type ProductTakeDownInput = z.input<typeof ProductTakeDownInput>;

// ---- DTOs --------------------------------------------------------------------------------
/** What `reports.create` answers. A second report by the same user on an open case is idempotent. */
export type ReportReceiptDto = {
  caseId: string;
  reportId: string;
  /** true when this user had already reported the target (nothing new was recorded). */
  alreadyReported: boolean;
};

/**
 * What the admin sees of the reported thing. `exists: false` when it was deleted since.
 * title: the product title (product, and the product a review/question/answer is on) or
 * the shop name; text: the review, question or answer text.
 */
export type ReportTargetPreviewDto = {
  type: ReportTargetType;
  id: string;
  exists: boolean;
  title: string | null;
  text: string | null;
  /** The target's own status: product status, content status (published/hidden) or seller status. */
  status: string | null;
  /** Review rating, 1–5; null otherwise. */
  rating: number | null;
  /** For an answer: the question it answers. */
  questionText: string | null;
  product: { id: string; title: string; slug: string; status: string } | null;
  shop: { id: string; shopName: string; slug: string; status: string } | null;
  /** For a message: its conversation, which the admin opens with `admin.messages.thread` (audited). */
  conversationId: string | null;
};

export type ReportReasonCount = { reason: ReportReason; count: number };

export type ReportCaseSummaryDto = {
  id: string;
  targetType: ReportTargetType;
  targetId: string;
  status: ReportCaseStatus;
  reportCount: number;
  /** Counts per reason, largest first. */
  reasons: ReportReasonCount[];
  /** Up to 3 newest notes reporters wrote. */
  latestNotes: { reason: ReportReason; note: string; at: Date }[];
  lastReportedAt: Date;
  createdAt: Date;
  action: ReportAction | "restore" | null;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  resolvedBy: { id: string; name: string } | null;
  target: ReportTargetPreviewDto;
};

export type ReportDto = {
  id: string;
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
  reporter: { id: string; name: string; email: string };
};

export type ReportCaseDto = ReportCaseSummaryDto & { reports: ReportDto[] };

export type ReportCasePage = { items: ReportCaseSummaryDto[]; nextCursor: string | null };
