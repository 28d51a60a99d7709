import { describe, expect, it } from "vitest";
import { initialFormState, productPayload } from "./product-form-state";

describe("productPayload", () => {
  it("sends blanks as null and trims tags and attributes, dropping empty ones", () => {
    const state = {
      ...initialFormState(null),
      title: "Saree",
      categoryId: "c1",
      brand: "  ",
      hsnCode: " 5208 ",
      gstRateBps: "1200",
      tags: " handloom, ,Cotton ",
      attributes: [
        { key: "a", name: " Fabric ", value: " Cotton " },
        { key: "b", name: " ", value: "ignored" },
      ],
    };
    expect(productPayload(state, [], [{ mediaId: "m1", url: "u" }], [])).toEqual({
      title: "Saree",
      description: "",
      brand: null,
      categoryId: "c1",
      hsnCode: "5208",
      gstRateBps: 1200,
      tags: ["handloom", "Cotton"],
      attributes: { Fabric: "Cotton" },
      options: [],
      imageIds: ["m1"],
      variants: [],
    });
  });
});
