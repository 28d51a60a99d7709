import { ReportReason } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { noteRequired, REPORT_REASONS, reportTitle } from "./report-labels";

describe("report labels", () => {
  it("offers every reason and asks for a note only for 'other'", () => {
    expect(REPORT_REASONS.map((r) => r.value)).toEqual(ReportReason.options);
    expect(noteRequired("other")).toBe(true);
    expect(noteRequired("spam")).toBe(false);
    expect(reportTitle("answer")).toBe("Report this answer");
  });
});
