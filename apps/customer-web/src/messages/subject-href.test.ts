import { describe, expect, it } from "vitest";
import { subjectHref } from "./subject-href";

describe("subjectHref (storefront)", () => {
  it("opens the product page or the whole order", () => {
    expect(
      subjectHref({ type: "product", productId: "p1", title: "Vase", slug: "blue-vase", imageUrl: null }),
    ).toBe("/p/blue-vase");
    expect(
      subjectHref({ type: "sub_order", subOrderId: "s1", orderId: "o1", number: "BZ-1-A", status: "placed" }),
    ).toBe("/orders/o1");
  });

  it("links nowhere once the product or order is gone", () => {
    expect(
      subjectHref({ type: "product", productId: null, title: null, slug: null, imageUrl: null }),
    ).toBeNull();
    expect(
      subjectHref({ type: "sub_order", subOrderId: null, orderId: null, number: null, status: null }),
    ).toBeNull();
  });
});
