import { ReturnReason, ReturnRefundStatus, ReturnStatus } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import {
  RETURN_REASON_OPTIONS,
  RETURN_STATUSES,
  refundStatusLabel,
  returnReasonLabel,
  returnStatusLabel,
} from "./return-labels";

describe("return labels", () => {
  it("names every status, reason and refund state", () => {
    expect([...RETURN_STATUSES].sort()).toEqual([...ReturnStatus.options].sort());
    for (const s of ReturnStatus.options) expect(returnStatusLabel(s)).toMatch(/^[A-Z]/);
    for (const r of ReturnReason.options) expect(returnReasonLabel(r)).toMatch(/^[A-Z]/);
    for (const r of ReturnRefundStatus.options) expect(refundStatusLabel(r)).toMatch(/^[A-Z]/);
  });

  it("offers the reasons in the schema's order", () => {
    expect(RETURN_REASON_OPTIONS.map((o) => o.value)).toEqual(ReturnReason.options);
    expect(returnReasonLabel("size_fit")).toBe("Size or fit");
  });

  it("keeps the return's state and the money's state apart in words", () => {
    expect(returnStatusLabel("refunded")).toBe("Refunded");
    expect(refundStatusLabel("paid")).toBe("Refund paid");
    expect(returnStatusLabel("escalated")).toBe("Escalated to Bazaar");
  });
});
