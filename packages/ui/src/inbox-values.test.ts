import { describe, expect, it } from "vitest";
import {
  badgeText,
  bellLabel,
  draftProblem,
  labelWithCount,
  lastSeq,
  mergeMessages,
  responseTimeText,
  seenMessageId,
  timeAgo,
  unreadFirst,
} from "./inbox-values";

const msg = (seq: number, extra: { mine?: boolean; body?: string } = {}) => ({
  id: `m${seq}`,
  seq,
  mine: extra.mine ?? false,
  body: extra.body ?? `message ${seq}`,
});

describe("mergeMessages", () => {
  it("adds live messages in seq order, each once", () => {
    const thread = [msg(1), msg(3)];
    const merged = mergeMessages(thread, [msg(4), msg(2), msg(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it("keeps the later copy of a message seen twice (hidden since, edited)", () => {
    const merged = mergeMessages([msg(1, { body: "old" })], [msg(1, { body: "hidden" })]);
    expect(merged).toEqual([msg(1, { body: "hidden" })]);
  });

  it("returns a new list and leaves the old one alone", () => {
    const thread = [msg(2), msg(1)];
    const merged = mergeMessages(thread, []);
    expect(merged).not.toBe(thread);
    expect(thread.map((m) => m.seq)).toEqual([2, 1]);
  });

  it("resumes after the highest seq seen, 0 for an empty thread", () => {
    expect(lastSeq([msg(5), msg(9), msg(7)])).toBe(9);
    expect(lastSeq([])).toBe(0);
  });
});

describe("seenMessageId", () => {
  const thread = [msg(1, { mine: true }), msg(2), msg(3, { mine: true }), msg(4, { mine: true })];

  it("marks my newest message the other side has read", () => {
    expect(seenMessageId(thread, 3)).toBe("m3");
    expect(seenMessageId(thread, 10)).toBe("m4");
  });

  it("marks nothing until they read one of mine", () => {
    expect(seenMessageId(thread, 0)).toBeNull();
    expect(seenMessageId([msg(1), msg(2, { mine: true })], 1)).toBeNull();
  });
});

describe("unreadFirst", () => {
  const at = (iso: string) => new Date(iso);
  it("lists conversations with unread messages first, each group newest first", () => {
    const list = [
      { id: "old-read", unread: 0, lastMessageAt: at("2026-01-01") },
      { id: "old-unread", unread: 2, lastMessageAt: at("2026-01-02") },
      { id: "new-read", unread: 0, lastMessageAt: at("2026-01-05") },
      { id: "new-unread", unread: 1, lastMessageAt: at("2026-01-04") },
      { id: "empty", unread: 0, lastMessageAt: null },
    ];
    expect(unreadFirst(list).map((c) => c.id)).toEqual([
      "new-unread",
      "old-unread",
      "new-read",
      "old-read",
      "empty",
    ]);
  });
});

describe("counts", () => {
  it("shows no badge at zero and caps at 99+", () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(null)).toBeNull();
    expect(badgeText(7)).toBe("7");
    expect(badgeText(100)).toBe("99+");
  });

  it("puts the count in nav labels and the bell's name", () => {
    expect(labelWithCount("Messages", 3)).toBe("Messages (3)");
    expect(labelWithCount("Messages", 0)).toBe("Messages");
    expect(labelWithCount("Messages", undefined)).toBe("Messages");
    expect(bellLabel(2)).toBe("Notifications, 2 unread");
    expect(bellLabel(0)).toBe("Notifications");
  });
});

describe("responseTimeText", () => {
  it("rounds up to a unit a buyer thinks in", () => {
    expect(responseTimeText(120)).toBe("Usually replies within minutes");
    expect(responseTimeText(20 * 60 + 1)).toBe("Usually replies within 21 minutes");
    expect(responseTimeText(45 * 60)).toBe("Usually replies within 45 minutes");
    expect(responseTimeText(3600)).toBe("Usually replies within an hour");
    expect(responseTimeText(2.5 * 3600)).toBe("Usually replies within 3 hours");
    expect(responseTimeText(24 * 3600)).toBe("Usually replies within a day");
    expect(responseTimeText(50 * 3600)).toBe("Usually replies within 3 days");
  });

  it("says nothing without a figure", () => {
    expect(responseTimeText(null)).toBeNull();
    expect(responseTimeText(undefined)).toBeNull();
    expect(responseTimeText(Number.NaN)).toBeNull();
    expect(responseTimeText(-1)).toBeNull();
  });
});

describe("timeAgo", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const date = () => "1 Mar 2026";
  it("reads recent times relative to now, older ones as a date", () => {
    expect(timeAgo(before(10), now, date)).toBe("just now");
    expect(timeAgo(before(-30), now, date)).toBe("just now");
    expect(timeAgo(before(5 * 60), now, date)).toBe("5 min ago");
    expect(timeAgo(before(3 * 3600), now, date)).toBe("3 h ago");
    expect(timeAgo(before(30 * 3600), now, date)).toBe("yesterday");
    expect(timeAgo(before(4 * 86400), now, date)).toBe("4 days ago");
    expect(timeAgo(before(9 * 86400), now, date)).toBe("1 Mar 2026");
  });
});

describe("draftProblem", () => {
  it("needs text or an image, within the limit", () => {
    expect(draftProblem("  ", 0, 2000)).toBe("Write a message or add an image");
    expect(draftProblem("", 1, 2000)).toBeNull();
    expect(draftProblem("Hello", 0, 2000)).toBeNull();
    expect(draftProblem("x".repeat(2001), 0, 2000)).toBe("At most 2,000 characters");
  });
});
