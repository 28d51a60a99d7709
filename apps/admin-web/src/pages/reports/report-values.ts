import {
  type AdminReportsListInput,
  type ReportAction,
  type ReportCaseStatus,
  ReportCaseStatus as ReportCaseStatusSchema,
  type ReportCaseSummaryDto,
  type ReportReason,
  type ReportTargetType,
  ReportTargetType as ReportTargetTypeSchema,
} from "@bazaar/schemas";

// What an admin reads about reported content: labels, the queue's filters and which
// decisions fit a case.

const TARGET: Record<ReportTargetType, string> = {
  product: "Product",
  review: "Review",
  question: "Question",
  answer: "Answer",
  shop: "Shop",
  message: "Message",
};
export const targetTypeLabel = (t: ReportTargetType) => TARGET[t];
export const TARGET_TYPE_OPTIONS = (Object.keys(TARGET) as ReportTargetType[]).map((value) => ({
  value,
  label: TARGET[value],
}));

const REASON: Record<ReportReason, string> = {
  spam: "Spam",
  offensive: "Offensive",
  counterfeit: "Counterfeit",
  prohibited: "Prohibited item",
  misleading: "Misleading",
  other: "Other",
};
export const reportReasonLabel = (r: ReportReason) => REASON[r];

export const CASE_TABS: readonly { value: ReportCaseStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "actioned", label: "Actioned" },
  { value: "dismissed", label: "Dismissed" },
];
const CASE_TONE: Record<ReportCaseStatus, string> = {
  open: "bz-tag--warning",
  actioned: "bz-tag--danger",
  dismissed: "bz-tag--muted",
};
export const caseStatusTone = (s: ReportCaseStatus) => CASE_TONE[s];

const OUTCOME: Record<ReportAction | "restore", string> = {
  dismiss: "Dismissed",
  hide: "Hidden",
  unlist: "Product unlisted",
  suspend_shop: "Shop suspended",
  restore: "Hidden, then restored",
};
export const outcomeLabel = (a: ReportAction | "restore") => OUTCOME[a];

export type ReportFilters = { status: ReportCaseStatus; targetType: ReportTargetType | "" };

/** The queue's filters from the address: open cases of every type unless it says otherwise. */
export function readReportFilters(params: URLSearchParams): ReportFilters {
  const status = ReportCaseStatusSchema.safeParse(params.get("status"));
  const type = ReportTargetTypeSchema.safeParse(params.get("type"));
  return { status: status.success ? status.data : "open", targetType: type.success ? type.data : "" };
}

export function reportFilterHref(f: ReportFilters): string {
  const next = new URLSearchParams({ status: f.status });
  if (f.targetType) next.set("type", f.targetType);
  return `/reports?${next}`;
}

export const reportListInput = (f: ReportFilters): Omit<AdminReportsListInput, "limit" | "cursor"> => ({
  status: f.status,
  ...(f.targetType && { targetType: f.targetType }),
});

/** One decision an admin may take on a case, as its button and confirmation say it. */
export type CaseChoice = {
  action: ReportAction;
  label: string;
  /** The confirmation's question and what follows. */
  title: string;
  intro: string;
  /** Every action but dismiss needs a reason (the seller reads a takedown's). */
  needsReason: boolean;
  danger: boolean;
};

/**
 * The decisions that fit an open case: dismiss always; hide a review, question or answer;
 * unlist a product; suspend the shop behind the target unless it is suspended already. A
 * target deleted since it was reported can only be dismissed.
 */
export function caseChoices(c: Pick<ReportCaseSummaryDto, "status" | "targetType" | "target">): CaseChoice[] {
  if (c.status !== "open") return [];
  const dismiss: CaseChoice = {
    action: "dismiss",
    label: "Dismiss",
    title: "Dismiss these reports?",
    intro: "Nothing changes for the reported content. The case moves to Dismissed.",
    needsReason: false,
    danger: false,
  };
  if (!c.target.exists) return [dismiss];
  const what = TARGET[c.targetType].toLowerCase();
  const choices = [dismiss];
  if (
    c.targetType === "review" ||
    c.targetType === "question" ||
    c.targetType === "answer" ||
    c.targetType === "message"
  )
    choices.push({
      action: "hide",
      label: `Hide ${what}`,
      title: `Hide this ${what}?`,
      intro:
        c.targetType === "message"
          ? "Both sides see that Bazaar removed the message instead of its text. You can restore it later from this case."
          : `The ${what} leaves the product page. You can restore it later from this case.`,
      needsReason: true,
      danger: true,
    });
  if (c.targetType === "product" && c.target.status === "approved")
    choices.push({
      action: "unlist",
      label: "Unlist product",
      title: "Unlist this product?",
      intro:
        "The product leaves the storefront, carts and wishlists; the shop stays open. The seller sees your reason and can appeal by editing and resubmitting it.",
      needsReason: true,
      danger: true,
    });
  const shop = c.targetType === "shop" ? c.target : c.target.shop;
  const shopName = c.targetType === "shop" ? c.target.title : c.target.shop?.shopName;
  if (shop && shop.status !== "suspended")
    choices.push({
      action: "suspend_shop",
      label: "Suspend shop",
      title: `Suspend ${shopName ?? "the shop"}?`,
      intro:
        "Every product of the shop leaves the storefront and the seller cannot sell until an admin reinstates the shop from Sellers.",
      needsReason: true,
      danger: true,
    });
  return choices;
}

/** A hidden review, question or answer can be shown again from its case. */
export const canRestore = (c: Pick<ReportCaseSummaryDto, "status" | "action">) =>
  c.status === "actioned" && c.action === "hide";

/** "3 reports". */
export const reportCount = (n: number) => `${n} report${n === 1 ? "" : "s"}`;

/** Long text cut at a word for the queue's cards: "…" marks the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
