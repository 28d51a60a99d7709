import { describe, expect, it } from "vitest";
import { parseDateTimeLocal, toDateTimeLocal } from "./datetime";

describe("datetime-local values", () => {
  it("reads local date and time", () => {
    const parsed = parseDateTimeLocal("2025-03-01T18:30");
    expect(parsed).toEqual({ ok: true, date: new Date(2025, 2, 1, 18, 30) });
    expect(parseDateTimeLocal("2025-03-01T18:30:15")).toEqual({
      ok: true,
      date: new Date(2025, 2, 1, 18, 30, 15),
    });
  });

  it("refuses what is not a date and time", () => {
    expect(parseDateTimeLocal("")).toEqual({ ok: false, error: "Enter a date and time" });
    expect(parseDateTimeLocal("2025-03-01")).toMatchObject({ ok: false });
    expect(parseDateTimeLocal("2025-02-31T10:00")).toEqual({ ok: false, error: "No such date" });
  });

  it("round-trips to the minute", () => {
    const date = new Date(2025, 11, 31, 23, 59);
    expect(toDateTimeLocal(date)).toBe("2025-12-31T23:59");
    expect(parseDateTimeLocal(toDateTimeLocal(date))).toEqual({ ok: true, date });
    expect(toDateTimeLocal(new Date(2025, 0, 5, 7, 3, 45))).toBe("2025-01-05T07:03");
  });
});
