import { type QaAuthorDto, SellerQuestionsStatus } from "@bazaar/schemas";

/** Open (no answer from the shop yet) first: that is the inbox. */
export const QUESTION_TABS: { value: SellerQuestionsStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "answered", label: "Answered" },
  { value: "all", label: "All" },
];

/** `?status=` from the URL; anything else is the open inbox. */
export function parseQuestionStatus(value: string | null): SellerQuestionsStatus {
  const parsed = SellerQuestionsStatus.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : "open";
}

export function emptyQuestionsText(status: SellerQuestionsStatus): string {
  if (status === "open") return "No open questions. You have answered everything customers asked.";
  if (status === "answered") return "You have not answered any questions yet.";
  return "No questions yet. Customers ask them on your product pages.";
}

/** Who wrote an answer, as the seller reads it: "Your shop", "Bazaar", "Anita R. · bought it". */
export function answerAuthorLabel(author: QaAuthorDto): string {
  if (author.role === "seller") return "Your shop";
  if (author.role === "admin") return "Bazaar";
  return author.verifiedBuyer ? `${author.name} · bought it` : author.name;
}
