import type { QaAuthorDto } from "@bazaar/schemas";

/** The badge beside an answer's author: the shop, Bazaar itself, or a buyer who received it. */
export function authorBadge(author: QaAuthorDto): string | null {
  if (author.role === "seller") return "Seller";
  if (author.role === "admin") return "Bazaar";
  return author.verifiedBuyer ? "Verified buyer" : null;
}

/** "3 answers", "1 answer", "No answers yet". */
export const answersText = (n: number) => (n === 0 ? "No answers yet" : `${n} answer${n === 1 ? "" : "s"}`);

/** "Helpful (4)", or "Helpful" before anyone voted. */
export const upvoteText = (n: number) => (n > 0 ? `Helpful (${n})` : "Helpful");
