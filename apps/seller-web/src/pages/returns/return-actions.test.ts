import { ReturnStatus } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import {
  defaultRestock,
  doneNotice,
  emptyReturnsText,
  explainReturnError,
  initialRestock,
  RETURN_TABS,
  receivePayload,
  refundNote,
  restockSummary,
  sellerReturnButtons,
} from "./return-actions";

describe("sellerReturnButtons", () => {
  it("offers the way forward first and rejecting last", () => {
    expect(sellerReturnButtons(["reject", "approve"]).map((b) => b.label)).toEqual([
      "Approve return",
      "Reject",
    ]);
    expect(sellerReturnButtons(["receive"])).toEqual([
      { action: "receive", label: "Mark received", variant: "primary" },
    ]);
  });

  it("never offers what only the buyer or an admin may do", () => {
    expect(sellerReturnButtons(["cancel", "escalate", "refund"])).toEqual([]);
    expect(sellerReturnButtons([])).toEqual([]);
  });
});

describe("RETURN_TABS", () => {
  it("has a tab for every state and one for all", () => {
    expect(
      RETURN_TABS.map((t) => t.value)
        .filter(Boolean)
        .sort(),
    ).toEqual([...ReturnStatus.options].sort());
    expect(RETURN_TABS[0]).toEqual({ value: "", label: "All" });
    expect(emptyReturnsText("requested")).toMatch(/decision/);
  });
});

describe("restock choices", () => {
  const lines = [
    { orderItemId: "a", reason: "damaged" as const, qty: 1 },
    { orderItemId: "b", reason: "size_fit" as const, qty: 2 },
  ];

  it("puts back on sale by default unless the unit came back broken", () => {
    expect(defaultRestock("damaged")).toBe(false);
    expect(defaultRestock("defective")).toBe(false);
    expect(defaultRestock("wrong_item")).toBe(true);
    expect(initialRestock(lines)).toEqual({ a: false, b: true });
  });

  it("sends a choice for every line, the seller's over the default", () => {
    expect(receivePayload("r1", lines, { a: true })).toEqual({
      id: "r1",
      lines: [
        { orderItemId: "a", restock: true },
        { orderItemId: "b", restock: true },
      ],
    });
  });

  it("sums the units that go back on sale", () => {
    expect(restockSummary(lines, { a: false, b: true })).toBe("2 units go back on sale, 1 does not.");
    expect(restockSummary(lines, { a: true, b: true })).toBe("3 units go back on sale.");
    expect(restockSummary(lines, { a: false, b: false })).toBe("Nothing goes back on sale (3 units).");
    expect(restockSummary([lines[0]!], { a: true })).toBe("1 unit goes back on sale.");
  });
});

describe("refundNote", () => {
  it("says where the money goes before and after receipt", () => {
    expect(refundNote({ status: "approved", refundMethod: "original", refundStatus: "none" })).toMatch(
      /original payment/,
    );
    expect(refundNote({ status: "requested", refundMethod: "manual", refundStatus: "none" })).toMatch(/UPI/);
    expect(refundNote({ status: "received", refundMethod: "manual", refundStatus: "owed" })).toMatch(
      /Cash on delivery/,
    );
    expect(refundNote({ status: "rejected", refundMethod: "original", refundStatus: "none" })).toBe(
      "No refund.",
    );
  });
});

describe("doneNotice", () => {
  const r = { number: "RT-1", refundAmount: 129_900, refundMethod: "original" as const };
  it("names the return and, on receipt, how the money goes back", () => {
    expect(doneNotice("approve", r)).toBe("RT-1 approved. The customer has been asked to send it back.");
    expect(doneNotice("receive", r)).toBe(
      "RT-1 received. ₹1,299 is being refunded to the customer's original payment.",
    );
    expect(doneNotice("receive", { ...r, refundMethod: "manual" })).toMatch(
      /Bazaar pays the customer ₹1,299/,
    );
  });
});

describe("explainReturnError", () => {
  const base = {
    reason: "return.invalid_transition",
    message: "A cancelled return cannot be moved",
    details: {},
  };
  it("says what the return became when a step was refused", () => {
    expect(explainReturnError({ ...base, details: { from: "cancelled" } }).message).toBe(
      "This return has moved on: it is cancelled by the customer now. The buttons show what you can do.",
    );
    expect(explainReturnError({ ...base, details: { from: 7 } }).message).toMatch(/it is changed now/);
  });

  it("leaves other errors as they are", () => {
    const other = { reason: "return.not_found", message: "This return does not exist", details: {} };
    expect(explainReturnError(other)).toBe(other);
  });
});
