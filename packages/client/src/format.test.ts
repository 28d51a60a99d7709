import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatCountCompact,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatDiscount,
  formatLongDate,
  formatMonthYear,
  formatPercent,
  formatRupees,
  formatRupeesCompact,
  formatShortMonth,
  fromIstParts,
  istDateStart,
  toIstParts,
} from "./format";

// ICU puts a narrow no-break space before "am"/"pm" in some versions; compare plain spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("formatRupees", () => {
  it("groups digits the Indian way", () => {
    expect(formatRupees(100)).toBe("₹1");
    expect(formatRupees(129900)).toBe("₹1,299");
    expect(formatRupees(12345600)).toBe("₹1,23,456");
    expect(formatRupees(1234567800)).toBe("₹1,23,45,678");
  });

  it("shows paise only when there are some", () => {
    expect(formatRupees(89950)).toBe("₹899.50");
    expect(formatRupees(12345678)).toBe("₹1,23,456.78");
    expect(formatRupees(5)).toBe("₹0.05");
    expect(formatRupees(1)).toBe("₹0.01");
  });

  it("shows zero and negatives", () => {
    expect(formatRupees(0)).toBe("₹0");
    expect(formatRupees(-0)).toBe("₹0");
    expect(formatRupees(-5000)).toBe("-₹50");
    expect(formatRupees(-89950)).toBe("-₹899.50");
    expect(formatRupees(-1)).toBe("-₹0.01");
  });

  it("keeps every paisa of large amounts", () => {
    expect(formatRupees(1_234_567_891_234_567)).toBe("₹1,23,45,67,89,12,345.67");
    // Divided by 100 as a float this would read "…409.90".
    expect(formatRupees(Number.MAX_SAFE_INTEGER)).toBe("₹9,00,71,99,25,47,409.91");
    expect(formatRupees(10_000_000_000)).toBe("₹10,00,00,000");
  });

  it("shows an amount taken off with a minus sign", () => {
    expect(formatDiscount(5000)).toBe("−₹50");
    expect(formatDiscount(4950)).toBe("−₹49.50");
  });

  it("rounds a fraction of a paisa half away from zero", () => {
    expect(formatRupees(12345.5)).toBe("₹123.46");
    expect(formatRupees(12345.4)).toBe("₹123.45");
    expect(formatRupees(-12345.5)).toBe("-₹123.46");
    expect(formatRupees(99.5)).toBe("₹1");
    expect(formatRupees(-0.4)).toBe("₹0");
  });
});

describe("numbers", () => {
  it("counts with Indian grouping", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(123456)).toBe("1,23,456");
  });

  it("shows basis points as a percentage", () => {
    expect(formatPercent(1250)).toBe("12.5%");
    expect(formatPercent(1800)).toBe("18%");
    expect(formatPercent(5)).toBe("0.05%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(10_000)).toBe("100%");
  });
});

describe("dates and times in India", () => {
  // 18:45 UTC on 1 March is 00:15 on 2 March in India.
  const lateUtc = new Date(Date.UTC(2025, 2, 1, 18, 45));

  it("show the Indian day and time, not the machine's", () => {
    expect(plain(formatDateTime(lateUtc))).toBe("2 Mar 2025, 12:15 am");
    expect(formatDate(lateUtc)).toBe("2 Mar 2025");
    expect(formatLongDate(lateUtc)).toBe("2 March 2025");
    expect(plain(formatDateTime(new Date(Date.UTC(2025, 2, 1, 18, 29))))).toBe("1 Mar 2025, 11:59 pm");
  });

  it("cross months and years at Indian midnight", () => {
    const newYear = new Date(Date.UTC(2024, 11, 31, 18, 30));
    expect(formatDate(newYear)).toBe("1 Jan 2025");
    expect(formatMonthYear(newYear)).toBe("January 2025");
    expect(formatMonthYear(new Date(Date.UTC(2024, 11, 31, 18, 29)))).toBe("December 2024");
  });

  it("convert to and from wall-clock time in India", () => {
    expect(toIstParts(lateUtc)).toEqual({ year: 2025, month: 3, day: 2, hour: 0, minute: 15 });
    expect(fromIstParts({ year: 2025, month: 3, day: 2, hour: 0, minute: 15 })).toEqual(lateUtc);
    expect(fromIstParts({ year: 2025, month: 3, day: 1, hour: 18, minute: 30, second: 15 })).toEqual(
      new Date("2025-03-01T13:00:15Z"),
    );
  });

  it("refuse wall-clock times that do not exist", () => {
    expect(fromIstParts({ year: 2025, month: 2, day: 29, hour: 10, minute: 0 })).toBeNull();
    expect(fromIstParts({ year: 2025, month: 13, day: 1, hour: 10, minute: 0 })).toBeNull();
    expect(fromIstParts({ year: 2025, month: 1, day: 1, hour: 24, minute: 0 })).toBeNull();
    expect(fromIstParts({ year: 2024, month: 2, day: 29, hour: 10, minute: 0 })).not.toBeNull();
  });
});

describe("chart labels", () => {
  it("shorten rupees and counts in Indian units (lakh, crore)", () => {
    expect(formatRupeesCompact(0)).toBe("₹0");
    expect(formatRupeesCompact(95_000)).toBe("₹950");
    expect(formatRupeesCompact(12_345_600)).toBe("₹1.2L");
    expect(formatRupeesCompact(1_234_567_800)).toBe("₹1.2Cr");
    expect(formatCountCompact(123_456)).toBe("1.2L");
  });

  it("read an IST calendar date as that day in India, whatever the machine's zone", () => {
    const day = istDateStart("2026-03-01");
    expect(day).toEqual(new Date("2026-02-28T18:30:00Z"));
    expect(formatDayMonth(day)).toBe("1 Mar");
    expect(formatShortMonth(day)).toBe("Mar 26");
  });
});

describe("the module", () => {
  it("imports nothing, so the Expo app can use it without React or the DOM", () => {
    const source = readFileSync(new URL("./format.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
