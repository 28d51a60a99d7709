import { describe, expect, it } from "vitest";
import { takedownOf } from "./takedown";

const at = new Date("2026-12-01T10:00:00Z");

describe("takedownOf", () => {
  it("is nothing for a product never taken down, whatever its status", () => {
    expect(takedownOf({ status: "rejected", statusReason: "Blurry photos", takenDownAt: null })).toBeNull();
    expect(takedownOf({ status: "approved", statusReason: null, takenDownAt: null })).toBeNull();
  });

  it("gives the date and the admin's reason", () => {
    expect(takedownOf({ status: "rejected", statusReason: "Counterfeit branding", takenDownAt: at })).toEqual(
      {
        at,
        reason: "Counterfeit branding.",
        appealPending: false,
      },
    );
  });

  it("knows a resubmitted product is an appeal under review", () => {
    expect(takedownOf({ status: "pending_review", statusReason: "x", takenDownAt: at })?.appealPending).toBe(
      true,
    );
  });

  it("ends the reason as a sentence, and never shows an empty one", () => {
    expect(takedownOf({ status: "rejected", statusReason: "Fake?", takenDownAt: at })?.reason).toBe("Fake?");
    expect(takedownOf({ status: "rejected", statusReason: "  ", takenDownAt: at })?.reason).toBe(
      "No reason was given.",
    );
  });
});
