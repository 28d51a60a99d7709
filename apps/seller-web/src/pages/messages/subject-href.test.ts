import { describe, expect, it } from "vitest";
import { subjectHref } from "./subject-href";

describe("subjectHref (seller app)", () => {
  it("opens the product's editor or the orders board", () => {
    expect(
      subjectHref({ type: "product", productId: "p1", title: "Vase", slug: "blue-vase", imageUrl: null }),
    ).toBe("/products/p1");
    expect(
      subjectHref({ type: "sub_order", subOrderId: "s1", orderId: "o1", number: "BZ-1-A", status: "placed" }),
    ).toBe("/orders");
  });

  it("links nowhere once the product or order is gone", () => {
    expect(
      subjectHref({ type: "product", productId: null, title: "Vase", slug: null, imageUrl: null }),
    ).toBeNull();
    expect(
      subjectHref({ type: "sub_order", subOrderId: null, orderId: null, number: "BZ-1-A", status: null }),
    ).toBeNull();
  });
});
