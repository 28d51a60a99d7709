import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rupeesInWords } from "./amount-in-words";

describe("rupeesInWords", () => {
  it.each([
    [0, "Rupees Zero Only"],
    [1, "One Paisa Only"],
    [50, "Fifty Paise Only"],
    [99, "Ninety-Nine Paise Only"],
    [100, "Rupees One Only"],
    [101, "Rupees One and One Paisa Only"],
    [110, "Rupees One and Ten Paise Only"],
    [1_100, "Rupees Eleven Only"],
    [1_900, "Rupees Nineteen Only"],
    [2_000, "Rupees Twenty Only"],
    [2_100, "Rupees Twenty-One Only"],
    [9_999, "Rupees Ninety-Nine and Ninety-Nine Paise Only"],
    [10_000, "Rupees One Hundred Only"],
    [10_100, "Rupees One Hundred One Only"],
    [11_500, "Rupees One Hundred Fifteen Only"],
    [99_900, "Rupees Nine Hundred Ninety-Nine Only"],
    [100_000, "Rupees One Thousand Only"],
    [100_100, "Rupees One Thousand One Only"],
    [110_000, "Rupees One Thousand One Hundred Only"],
    [123_456, "Rupees One Thousand Two Hundred Thirty-Four and Fifty-Six Paise Only"],
    [1_000_000, "Rupees Ten Thousand Only"],
    [9_999_999, "Rupees Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only"],
    [10_000_000, "Rupees One Lakh Only"],
    [10_000_100, "Rupees One Lakh One Only"],
    [10_500_000, "Rupees One Lakh Five Thousand Only"],
    [
      123_456_789,
      "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and Eighty-Nine Paise Only",
    ],
    [
      999_999_999,
      "Rupees Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only",
    ],
    [1_000_000_000, "Rupees One Crore Only"],
    [1_000_000_001, "Rupees One Crore and One Paisa Only"],
    [1_020_000_000, "Rupees One Crore Two Lakh Only"],
    [
      1_234_567_890,
      "Rupees One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred Seventy-Eight and Ninety Paise Only",
    ],
    [10_000_000_000, "Rupees Ten Crore Only"],
    [999_000_000_000, "Rupees Nine Hundred Ninety-Nine Crore Only"],
    [
      999_999_999_999,
      "Rupees Nine Hundred Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only",
    ],
    [1_000_000_000_000, "Rupees One Thousand Crore Only"],
    [100_000_000_000_000, "Rupees One Lakh Crore Only"],
    [1_000_000_000_000_000, "Rupees Ten Lakh Crore Only"],
    [
      Number.MAX_SAFE_INTEGER,
      "Rupees Ninety Lakh Seven Thousand One Hundred Ninety-Nine Crore Twenty-Five Lakh Forty-Seven Thousand Four Hundred Nine and Ninety-One Paise Only",
    ],
  ])("%i paise → %s", (paise, words) => {
    expect(rupeesInWords(paise)).toBe(words);
  });

  it("reads every whole-rupee amount below a thousand", () => {
    // Spot values cover the grammar; this catches a wrong entry in the word tables.
    const seen = new Set<string>();
    for (let r = 1; r < 1000; r++) {
      const words = rupeesInWords(r * 100);
      expect(words).toMatch(/^Rupees ([A-Z][a-z]+(-[A-Z][a-z]+)? ?)+ Only$/);
      expect(words).not.toMatch(/Zero| {2}| and /);
      seen.add(words);
    }
    expect(seen.size).toBe(999);
  });

  it("says back the amount it was given (any safe integer)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (paise) => {
        expect(parseWords(rupeesInWords(paise))).toBe(paise);
      }),
      { numRuns: 2000 },
    );
    for (let p = 0; p < 300_000; p += 7) expect(parseWords(rupeesInWords(p))).toBe(p);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    "refuses %s",
    (bad) => {
      expect(() => rupeesInWords(bad)).toThrow(/Amount must be a non-negative whole number of paise/);
    },
  );
});

/** An independent reader of the words, so the property test checks meaning, not spelling. */
function parseWords(text: string): number {
  const ones =
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen";
  const teens = "Sixteen Seventeen Eighteen Nineteen";
  const tens = "Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety";
  const small = new Map<string, number>([
    ...`${ones} ${teens}`.split(" ").map((w, i) => [w, i] as const),
    ...tens.split(" ").map((w, i) => [w, 20 + i * 10] as const),
  ]);
  const read = (tokens: string[]) => {
    let acc = 0;
    let cur = 0;
    for (const t of tokens) {
      if (t === "Hundred") cur *= 100;
      else if (t === "Thousand" || t === "Lakh") {
        acc += cur * (t === "Thousand" ? 1000 : 100_000);
        cur = 0;
      } else if (t === "Crore") {
        acc = (acc + cur) * 10_000_000;
        cur = 0;
      } else
        cur += t.split("-").reduce((s, part) => {
          const v = small.get(part);
          if (v === undefined) throw new Error(`unknown word ${part}`);
          return s + v;
        }, 0);
    }
    return acc + cur;
  };
  const body = text.replace(/ Only$/, "");
  const [rupeeWords, paiseWords] = body.startsWith("Rupees ")
    ? body.slice("Rupees ".length).split(" and ")
    : [undefined, body];
  const rupees = rupeeWords ? read(rupeeWords.split(" ")) : 0;
  const paise = paiseWords ? read(paiseWords.replace(/ Pais[ae]$/, "").split(" ")) : 0;
  return rupees * 100 + paise;
}
