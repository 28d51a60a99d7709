import { describe, expect, it } from "vitest";
import { answersText, authorBadge, upvoteText } from "./qa-labels";

describe("Q&A labels", () => {
  it("marks seller, Bazaar and verified-buyer answers", () => {
    expect(authorBadge({ role: "seller", name: "Acme", verifiedBuyer: false })).toBe("Seller");
    expect(authorBadge({ role: "admin", name: "Bazaar", verifiedBuyer: false })).toBe("Bazaar");
    expect(authorBadge({ role: "buyer", name: "Anita R.", verifiedBuyer: true })).toBe("Verified buyer");
    expect(authorBadge({ role: "buyer", name: "Anita R.", verifiedBuyer: false })).toBeNull();
  });
  it("counts answers and upvotes", () => {
    expect(answersText(0)).toBe("No answers yet");
    expect(answersText(1)).toBe("1 answer");
    expect(upvoteText(0)).toBe("Helpful");
    expect(upvoteText(4)).toBe("Helpful (4)");
  });
});
