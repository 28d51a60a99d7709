import type { ReportReason, ReportTargetType } from "@bazaar/schemas";

export const REPORT_REASONS: readonly { value: ReportReason; label: string }[] = [
  { value: "spam", label: "Spam or advertising" },
  { value: "offensive", label: "Offensive or abusive" },
  { value: "counterfeit", label: "Counterfeit or fake" },
  { value: "prohibited", label: "Prohibited item" },
  { value: "misleading", label: "Misleading or false" },
  { value: "other", label: "Something else" },
];

const TARGET: Record<ReportTargetType, string> = {
  product: "this product",
  review: "this review",
  question: "this question",
  answer: "this answer",
  shop: "this shop",
  message: "this message",
};

/** "Report this review". */
export const reportTitle = (type: ReportTargetType) => `Report ${TARGET[type]}`;

/** The reporter's note is required only when no listed reason fits. */
export const noteRequired = (reason: ReportReason | "") => reason === "other";
