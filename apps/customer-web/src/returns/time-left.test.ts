import { describe, expect, it } from "vitest";
import { timeLeftText } from "./time-left";

const now = new Date("2026-03-10T12:00:00Z");
const after = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("timeLeftText", () => {
  it("counts whole days while two days or more are left", () => {
    expect(timeLeftText(after(3 * DAY + 5 * HOUR), now)).toBe("3 days left");
    expect(timeLeftText(after(2 * DAY), now)).toBe("2 days left");
  });
  it("counts hours in the last 48 and minutes in the last hour", () => {
    expect(timeLeftText(after(2 * DAY - 1), now)).toBe("47 hours left");
    expect(timeLeftText(after(DAY - 1), now)).toBe("23 hours left");
    expect(timeLeftText(after(HOUR), now)).toBe("1 hour left");
    expect(timeLeftText(after(HOUR - 1), now)).toBe("60 minutes left");
    expect(timeLeftText(after(30 * 1000), now)).toBe("1 minute left");
  });
  it("says nothing once the moment has passed", () => {
    expect(timeLeftText(now, now)).toBeNull();
    expect(timeLeftText(after(-MIN), now)).toBeNull();
  });
});
