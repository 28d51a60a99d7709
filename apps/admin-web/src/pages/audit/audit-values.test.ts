import { describe, expect, it } from "vitest";
import {
  actionLabel,
  auditFilterParams,
  auditListInput,
  diffRows,
  diffValueText,
  historyHref,
  NO_AUDIT_FILTERS,
  readAuditFilters,
  targetHref,
} from "./audit-values";

const SELLER = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

describe("audit diff", () => {
  it("marks fields added, removed and changed, sorted by key", () => {
    expect(
      diffRows([
        { key: "status", from: "pending", to: "approved" },
        { key: "reason", from: null, to: "Looks good" },
        { key: "commissionBps", from: 1000, to: null },
      ]),
    ).toEqual([
      { key: "commissionBps", kind: "removed", before: "1000", after: "—" },
      { key: "reason", kind: "added", before: "—", after: "Looks good" },
      { key: "status", kind: "changed", before: "pending", after: "approved" },
    ]);
  });

  it("shows objects as stable JSON and drops changes that read the same", () => {
    expect(diffValueText({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(diffValueText("")).toBe('""');
    expect(diffValueText(false)).toBe("false");
    expect(diffValueText(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01T00:00:00.000Z");
    expect(
      diffRows([{ key: "at", from: new Date("2026-01-01T00:00:00Z"), to: "2026-01-01T00:00:00.000Z" }]),
    ).toEqual([]);
  });

  it("labels actions and links targets that have a page", () => {
    expect(actionLabel("seller.suspended")).toBe("Seller suspended");
    expect(actionLabel("payout.marked_paid")).toBe("Payout marked paid");
    expect(targetHref("seller", SELLER)).toBe(`/sellers/${SELLER}`);
    expect(targetHref("order", "o1")).toBe("/orders/o1");
    expect(targetHref("coupon", "c1")).toBeNull();
    expect(targetHref("seller", null)).toBeNull();
  });
});

describe("audit filters", () => {
  it("links a target's history", () => {
    expect(historyHref("seller", SELLER)).toBe(`/audit?targetType=seller&targetId=${SELLER}`);
    expect(readAuditFilters(new URLSearchParams(historyHref("order", "x").split("?")[1]))).toEqual({
      ...NO_AUDIT_FILTERS,
      targetType: "order",
      targetId: "x",
    });
  });

  it("sends an email or an id as the actor, and India dates as an exclusive range", () => {
    expect(auditListInput({ ...NO_AUDIT_FILTERS, actor: " Admin@Bazaar.test " })).toEqual({
      actorEmail: "admin@bazaar.test",
    });
    expect(auditListInput({ ...NO_AUDIT_FILTERS, actor: SELLER.toUpperCase() })).toEqual({ actorId: SELLER });
    expect(auditListInput({ ...NO_AUDIT_FILTERS, from: "2026-03-01", to: "2026-03-01" })).toEqual({
      from: new Date("2026-02-28T18:30:00.000Z"),
      to: new Date("2026-03-01T18:30:00.000Z"),
    });
    expect(auditListInput({ ...NO_AUDIT_FILTERS, from: "2026-02-31" })).toEqual({});
  });

  it("keeps only the filters given in the URL", () => {
    expect(auditFilterParams({ ...NO_AUDIT_FILTERS, action: "payout.", targetType: " " }).toString()).toBe(
      "action=payout.",
    );
  });
});
