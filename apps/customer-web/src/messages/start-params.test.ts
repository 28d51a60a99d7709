import type { ConversationDto } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { findConversation, newConversationHref, subjectFromParams } from "./start-params";

const conversation = (id: string, subject: ConversationDto["subject"]) =>
  ({ id, subject }) as ConversationDto;

describe("starting a conversation from a link", () => {
  it("puts the product or the order part in the address and reads it back", () => {
    const product = newConversationHref({ productId: "p-1" });
    const part = newConversationHref({ subOrderId: "s 2" });
    expect(product).toBe("/messages/new?productId=p-1");
    expect(part).toBe("/messages/new?subOrderId=s%202");
    expect(subjectFromParams(new URL(product, "http://x").searchParams)).toEqual({
      type: "product",
      productId: "p-1",
    });
    expect(subjectFromParams(new URL(part, "http://x").searchParams)).toEqual({
      type: "sub_order",
      subOrderId: "s 2",
    });
  });

  it("names no subject when the address has none, or both", () => {
    expect(subjectFromParams(new URLSearchParams())).toBeNull();
    expect(subjectFromParams(new URLSearchParams("productId=a&subOrderId=b"))).toBeNull();
  });

  it("finds the buyer's conversation about the same subject only", () => {
    const list = [
      conversation("c1", { type: "product", productId: "p-1", title: "Vase", slug: "vase", imageUrl: null }),
      conversation("c2", {
        type: "sub_order",
        subOrderId: "s-1",
        orderId: "o-1",
        number: "BZ-1",
        status: null,
      }),
    ];
    expect(findConversation(list, { type: "product", productId: "p-1" })?.id).toBe("c1");
    expect(findConversation(list, { type: "sub_order", subOrderId: "s-1" })?.id).toBe("c2");
    expect(findConversation(list, { type: "sub_order", subOrderId: "p-1" })).toBeNull();
    expect(findConversation(list, { type: "product", productId: "p-2" })).toBeNull();
  });
});
