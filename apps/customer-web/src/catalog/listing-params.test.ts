import { describe, expect, it } from "vitest";
import { priceLabel, removeValue } from "./listing-params";

describe("listing filters", () => {
  it("names a price range in rupees", () => {
    expect(priceLabel(50000, 100000)).toBe("₹500 – ₹1,000");
    expect(priceLabel(50000, undefined)).toBe("₹500 and above");
    expect(priceLabel(undefined, 100000)).toBe("Up to ₹1,000");
  });

  it("removes one value of a repeated parameter", () => {
    const params = new URLSearchParams("brand=a&q=x&brand=b");
    removeValue(params, "brand", "a");
    expect(params.toString()).toBe("q=x&brand=b");
  });
});
