import type { ConversationDto, ConversationSubjectInput } from "@bazaar/schemas";

/** What the link that starts a conversation passes along, so the page can say who and what before loading. */
export type StartState = { shopName: string; about: string };

/** `/messages/new?productId=…` or `?subOrderId=…`: where "Message the seller" leads. */
export function newConversationHref(subject: { productId: string } | { subOrderId: string }): string {
  return "productId" in subject
    ? `/messages/new?productId=${encodeURIComponent(subject.productId)}`
    : `/messages/new?subOrderId=${encodeURIComponent(subject.subOrderId)}`;
}

/** The subject named in the address, or null when it names none (or both). */
export function subjectFromParams(params: URLSearchParams): ConversationSubjectInput | null {
  const productId = params.get("productId");
  const subOrderId = params.get("subOrderId");
  if (productId && !subOrderId) return { type: "product", productId };
  if (subOrderId && !productId) return { type: "sub_order", subOrderId };
  return null;
}

/** The buyer's existing conversation about this subject, if it is among those loaded. */
export function findConversation(
  list: readonly ConversationDto[],
  subject: ConversationSubjectInput,
): ConversationDto | null {
  return (
    list.find((c) =>
      subject.type === "product"
        ? c.subject.type === "product" && c.subject.productId === subject.productId
        : c.subject.type === "sub_order" && c.subject.subOrderId === subject.subOrderId,
    ) ?? null
  );
}
