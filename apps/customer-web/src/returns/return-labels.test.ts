import type { ReturnStatus } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import {
  escalationText,
  lineNoReturnText,
  lineReturnText,
  RETURN_TABS,
  refundText,
  returnSteps,
  returnWindowLabel,
} from "./return-labels";

const now = new Date("2026-03-10T06:30:00Z"); // 12:00 in India
const DAY = 86_400_000;

describe("return labels", () => {
  it("names the list's tabs with the shared status words, all first", () => {
    expect(RETURN_TABS[0]).toEqual({ value: "", label: "All" });
    expect(RETURN_TABS.find((t) => t.value === "escalated")?.label).toBe("Escalated to Bazaar");
  });

  it("reads a shop's window as the product page shows it", () => {
    expect(returnWindowLabel(7)).toBe("7-day returns");
    expect(returnWindowLabel(0)).toBe("No returns");
  });

  it("says how many units can go back and until when, or nothing", () => {
    const until = new Date(now.getTime() + 3 * DAY);
    expect(lineReturnText({ returnableQty: 2, returnableUntil: until }, now)).toBe(
      "Return up to 2 by 13 Mar 2026 (3 days left)",
    );
    expect(lineReturnText({ returnableQty: 1, returnableUntil: until }, now)).toBe(
      "Return by 13 Mar 2026 (3 days left)",
    );
    expect(lineReturnText({ returnableQty: 0, returnableUntil: until }, now)).toBeNull();
    expect(lineReturnText({ returnableQty: 1, returnableUntil: null }, now)).toBeNull();
    expect(
      lineReturnText({ returnableQty: 1, returnableUntil: new Date(now.getTime() - 1) }, now),
    ).toBeNull();
  });

  it("says why a delivered line cannot go back", () => {
    const line = { qty: 2, returnedQty: 0, returnableQty: 2 };
    const future = new Date(now.getTime() + DAY);
    const past = new Date(now.getTime() - DAY);
    expect(lineNoReturnText({ ...line, returnableUntil: future }, now)).toBeNull();
    expect(lineNoReturnText({ ...line, returnableQty: 0, returnableUntil: null }, now)).toBe(
      "This shop does not take returns",
    );
    expect(lineNoReturnText({ ...line, returnableQty: 0, returnableUntil: past }, now)).toBe(
      "Return window closed on 9 Mar 2026",
    );
    expect(
      lineNoReturnText({ ...line, returnedQty: 2, returnableQty: 0, returnableUntil: future }, now),
    ).toBe("Returned");
  });

  it("counts down the 48 hours to escalate a rejection", () => {
    const until = new Date(now.getTime() + 47.5 * 3_600_000);
    expect(escalationText(until, now)).toBe(
      "You can ask Bazaar to review this until 12 Mar 2026, 11:30 am (47 hours left).",
    );
    expect(escalationText(new Date(now.getTime() - 1), now)).toBeNull();
    expect(escalationText(null, now)).toBeNull();
  });
});

describe("returnSteps", () => {
  const steps = (status: ReturnStatus, escalatedAt: Date | null = null) =>
    returnSteps({ status, decidedAt: null, escalatedAt }).map((s) => `${s.key}:${s.state}`);

  it("walks the happy path", () => {
    expect(steps("requested")).toEqual([
      "requested:current",
      "approved:todo",
      "received:todo",
      "refunded:todo",
    ]);
    expect(steps("received")).toEqual([
      "requested:done",
      "approved:done",
      "received:current",
      "refunded:todo",
    ]);
    expect(steps("refunded")).toEqual(["requested:done", "approved:done", "received:done", "refunded:done"]);
  });

  it("stops where a return was cancelled or rejected, and shows an escalation", () => {
    expect(steps("cancelled")).toEqual(["requested:done", "cancelled:stopped"]);
    expect(steps("rejected")).toEqual(["requested:done", "rejected:stopped"]);
    expect(steps("escalated")).toEqual(["requested:done", "rejected:done", "escalated:current"]);
    expect(steps("rejected", now)).toEqual(["requested:done", "escalated:done", "rejected:stopped"]);
  });
});

describe("refundText", () => {
  const base = {
    refundAmount: 129_900,
    refundAccountLabel: null,
    refundReference: null,
    refundedAt: null,
  };
  it("tells a cash-on-delivery buyer what is owed, then what was paid and where", () => {
    const cod = { ...base, refundMethod: "manual" as const, refundAccountLabel: "UPI ab…@okhdfc" };
    expect(refundText({ ...cod, refundStatus: "owed" })).toBe(
      "Bazaar owes you ₹1,299 and will pay it to UPI ab…@okhdfc.",
    );
    expect(refundText({ ...cod, refundStatus: "paid", refundReference: "UTR123", refundedAt: now })).toBe(
      "₹1,299 was paid to UPI ab…@okhdfc on 10 Mar 2026 (reference UTR123).",
    );
  });
  it("tells an online buyer the money goes back the way it came", () => {
    const online = { ...base, refundMethod: "original" as const };
    expect(refundText({ ...online, refundStatus: "pending" })).toBe(
      "A refund of ₹1,299 is on its way to your original payment method.",
    );
    expect(refundText({ ...online, refundStatus: "paid", refundedAt: now })).toBe(
      "₹1,299 was refunded to your original payment method on 10 Mar 2026.",
    );
  });
});
