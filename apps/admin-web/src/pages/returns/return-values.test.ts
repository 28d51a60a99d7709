import { describe, expect, it } from "vitest";
import {
  owedTotal,
  RETURN_TABS,
  readReturnTab,
  refundAccountLines,
  returnListInput,
  unitCount,
} from "./return-values";

describe("return filters", () => {
  it("opens on escalations, and reads only known statuses from the address", () => {
    expect(readReturnTab(new URLSearchParams())).toBe("escalated");
    expect(readReturnTab(new URLSearchParams("status=received"))).toBe("received");
    expect(readReturnTab(new URLSearchParams("status=all"))).toBe("all");
    expect(readReturnTab(new URLSearchParams("status=lost"))).toBe("escalated");
  });

  it("asks the API for escalations, one status or everything, with a trimmed number", () => {
    expect(returnListInput("escalated", "")).toEqual({ escalated: true });
    expect(returnListInput("refunded", " RT-250301-AB12CD ")).toEqual({
      status: "refunded",
      q: "RT-250301-AB12CD",
    });
    expect(returnListInput("all", "  ")).toEqual({});
  });

  it("has one tab per status, escalations first and all last", () => {
    expect(RETURN_TABS.map((t) => t.value)).toEqual([
      "escalated",
      "requested",
      "approved",
      "rejected",
      "received",
      "refunded",
      "cancelled",
      "all",
    ]);
  });
});

describe("return labels", () => {
  it("names the tabs with the shared status words, and counts units", () => {
    expect(RETURN_TABS.find((t) => t.value === "received")?.label).toBe("Received");
    expect(RETURN_TABS[0]).toEqual({ value: "escalated", label: "Escalated" });
    expect(unitCount(1)).toBe("1 unit");
    expect(unitCount(3)).toBe("3 units");
  });

  it("lays out the full refund account to copy from", () => {
    expect(refundAccountLines({ kind: "upi", upiId: "asha@okhdfc" })).toEqual([
      { label: "UPI id", value: "asha@okhdfc" },
    ]);
    expect(
      refundAccountLines({
        kind: "bank",
        holder: "Asha Rao",
        accountNumber: "001234567890",
        ifsc: "HDFC0001234",
      }),
    ).toEqual([
      { label: "Account holder", value: "Asha Rao" },
      { label: "Account number", value: "001234567890" },
      { label: "IFSC", value: "HDFC0001234" },
    ]);
  });

  it("adds up what is owed in paise", () => {
    expect(owedTotal([])).toBe(0);
    expect(owedTotal([{ refundAmount: 49_950 }, { refundAmount: 1 }])).toBe(49_951);
  });
});

describe("one shop's returns", () => {
  it("filters by a seller id from the address, ignoring anything that is not an id", () => {
    const id = "0b9f5c1e-8a4b-4c2d-9e7f-1a2b3c4d5e6f";
    expect(returnListInput("all", "", id)).toEqual({ sellerId: id });
    expect(returnListInput("escalated", "", "not-an-id")).toEqual({ escalated: true });
  });
});
