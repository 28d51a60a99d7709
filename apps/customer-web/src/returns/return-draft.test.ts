import type { OrderItemDto } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { chosenLines, draftProblems, initialDrafts, refundEstimate } from "./return-draft";

const item = (id: string, returnableQty: number) => ({ id, returnableQty }) as OrderItemDto;

describe("return drafts", () => {
  it("offers only lines with units left to return, the clicked one chosen", () => {
    const drafts = initialDrafts([item("a", 2), item("b", 0), item("c", 1)], "c");
    expect(drafts.map((d) => [d.orderItemId, d.selected, d.qty])).toEqual([
      ["a", false, 1],
      ["c", true, 1],
    ]);
  });

  it("sends the chosen lines in order and knows each one's index for field errors", () => {
    const { lines, indexOf } = chosenLines([
      { orderItemId: "a", selected: false, qty: 1, reason: "" },
      { orderItemId: "b", selected: true, qty: 2, reason: "damaged" },
      { orderItemId: "c", selected: true, qty: 1, reason: "size_fit" },
    ]);
    expect(lines).toEqual([
      { orderItemId: "b", qty: 2, reason: "damaged" },
      { orderItemId: "c", qty: 1, reason: "size_fit" },
    ]);
    expect(indexOf("c")).toBe(1);
    expect(indexOf("a")).toBe(-1);
  });

  it("asks for a line and a reason for each chosen line before sending", () => {
    expect(draftProblems([{ orderItemId: "a", selected: false, qty: 1, reason: "" }])).toEqual({
      lines: "Choose at least one item to return",
    });
    expect(draftProblems([{ orderItemId: "a", selected: true, qty: 1, reason: "" }])).toEqual({
      "a.reason": "Choose a reason",
    });
    expect(draftProblems([{ orderItemId: "a", selected: true, qty: 1, reason: "defective" }])).toEqual({});
  });

  it("estimates the refund of the chosen units pro rata, rounded down", () => {
    const items = [
      { id: "a", qty: 3, lineTotal: 100_000 },
      { id: "b", qty: 1, lineTotal: 49_900 },
    ];
    expect(
      refundEstimate(items, [
        { orderItemId: "a", selected: true, qty: 1, reason: "damaged" },
        { orderItemId: "b", selected: false, qty: 1, reason: "" },
      ]),
    ).toBe(33_333);
    expect(
      refundEstimate(items, [
        { orderItemId: "a", selected: true, qty: 3, reason: "damaged" },
        { orderItemId: "b", selected: true, qty: 1, reason: "size_fit" },
      ]),
    ).toBe(149_900);
  });
});
