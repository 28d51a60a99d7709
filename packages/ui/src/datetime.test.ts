import { describe, expect, it } from "vitest";
import { parseDateTimeLocal, toDateTimeLocal } from "./datetime";

// datetime-local values are wall-clock times in India (UTC+05:30), whatever zone runs the test.
describe("datetime-local values", () => {
  it("reads a time in India", () => {
    expect(parseDateTimeLocal("2025-03-01T18:30")).toEqual({ ok: true, date: new Date("2025-03-01T13:00Z") });
    expect(parseDateTimeLocal("2025-03-01T18:30:15")).toEqual({
      ok: true,
      date: new Date("2025-03-01T13:00:15Z"),
    });
    // Just after midnight in India is still the previous day in UTC.
    expect(parseDateTimeLocal("2025-03-02T00:15")).toEqual({ ok: true, date: new Date("2025-03-01T18:45Z") });
  });

  it("refuses what is not a date and time", () => {
    expect(parseDateTimeLocal("")).toEqual({ ok: false, error: "Enter a date and time" });
    expect(parseDateTimeLocal("2025-03-01")).toMatchObject({ ok: false });
    expect(parseDateTimeLocal("2025-02-31T10:00")).toEqual({ ok: false, error: "No such date" });
    expect(parseDateTimeLocal("2025-03-01T24:00")).toEqual({ ok: false, error: "No such date" });
  });

  it("fills the field with the time in India", () => {
    expect(toDateTimeLocal(new Date("2025-12-31T18:29Z"))).toBe("2025-12-31T23:59");
    expect(toDateTimeLocal(new Date("2025-12-31T18:30Z"))).toBe("2026-01-01T00:00");
    expect(toDateTimeLocal(new Date("2025-01-05T01:33:45Z"))).toBe("2025-01-05T07:03");
  });

  it("round-trips to the minute", () => {
    const date = new Date("2025-12-31T18:29Z");
    expect(parseDateTimeLocal(toDateTimeLocal(date))).toEqual({ ok: true, date });
  });
});
