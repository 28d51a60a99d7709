import { describe, expect, it } from "vitest";
import { answerAuthorLabel, emptyQuestionsText, parseQuestionStatus, QUESTION_TABS } from "./question-labels";

describe("question labels", () => {
  it("opens on the open inbox unless the URL says otherwise", () => {
    expect(parseQuestionStatus(null)).toBe("open");
    expect(parseQuestionStatus("answered")).toBe("answered");
    expect(parseQuestionStatus("nonsense")).toBe("open");
    expect(QUESTION_TABS.map((t) => t.value)).toEqual(["open", "answered", "all"]);
  });

  it("names who answered", () => {
    expect(answerAuthorLabel({ role: "seller", name: "Ravi Textiles", verifiedBuyer: false })).toBe(
      "Your shop",
    );
    expect(answerAuthorLabel({ role: "admin", name: "Bazaar", verifiedBuyer: false })).toBe("Bazaar");
    expect(answerAuthorLabel({ role: "buyer", name: "Anita R.", verifiedBuyer: true })).toBe(
      "Anita R. · bought it",
    );
  });

  it("says why the inbox is empty", () => {
    expect(emptyQuestionsText("open")).toMatch(/No open questions/);
    expect(emptyQuestionsText("all")).toMatch(/No questions yet/);
  });
});
