import { both, type P, type Rendered, str } from "./template-kit";

/** Emails of the questions domain. */
export const questionTemplates = {
  /** To the seller: a shopper asked about one of their products. */
  question_asked: (p: P): Rendered =>
    both(
      `New question about ${str(p, "productTitle")}`,
      "A shopper asked about your product",
      [
        `Hi ${str(p, "shopName")},`,
        `${str(p, "askerName")} asked about ${str(p, "productTitle")}:`,
        `"${str(p, "question")}"`,
        "Answers from the seller are shown first on the product page.",
      ],
      { label: "Answer it", url: str(p, "url") },
    ),
  /** To the asker: someone answered their question. */
  question_answered: (p: P): Rendered =>
    both(
      `Your question about ${str(p, "productTitle")} has an answer`,
      "Your question has an answer",
      [
        `Hi ${str(p, "name")},`,
        `You asked: "${str(p, "question")}"`,
        `${str(p, "authorName")} answered: "${str(p, "answer")}"`,
      ],
      { label: "See the product", url: str(p, "url") },
    ),
} satisfies Record<string, (p: P) => Rendered>;
