import type { ReportTargetPreviewDto } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import {
  canRestore,
  caseChoices,
  clip,
  readReportFilters,
  reportCount,
  reportFilterHref,
  reportListInput,
} from "./report-values";

const shop = { id: "s1", shopName: "Asha Crafts", slug: "asha-crafts", status: "approved" };
const product = { id: "p1", title: "Brass lamp", slug: "brass-lamp", status: "approved" };
const target = (over: Partial<ReportTargetPreviewDto>): ReportTargetPreviewDto => ({
  type: "review",
  id: "t1",
  exists: true,
  title: "Brass lamp",
  text: "Terrible",
  status: "published",
  rating: 1,
  questionText: null,
  conversationId: null,
  product,
  shop,
  ...over,
});
const actions = (c: Parameters<typeof caseChoices>[0]) => caseChoices(c).map((x) => x.action);

describe("report queue filters", () => {
  it("opens on open cases of every kind and drops unknown values", () => {
    expect(readReportFilters(new URLSearchParams())).toEqual({ status: "open", targetType: "" });
    expect(readReportFilters(new URLSearchParams("status=actioned&type=answer"))).toEqual({
      status: "actioned",
      targetType: "answer",
    });
    expect(readReportFilters(new URLSearchParams("status=closed&type=user"))).toEqual({
      status: "open",
      targetType: "",
    });
  });

  it("round-trips through the address and asks the API for the same", () => {
    const f = { status: "dismissed" as const, targetType: "shop" as const };
    const href = reportFilterHref(f);
    expect(href).toBe("/reports?status=dismissed&type=shop");
    expect(readReportFilters(new URLSearchParams(href.split("?")[1]))).toEqual(f);
    expect(reportListInput({ status: "open", targetType: "" })).toEqual({ status: "open" });
    expect(reportListInput(f)).toEqual({ status: "dismissed", targetType: "shop" });
  });
});

describe("decisions on a case", () => {
  it("offers hiding for reviews, questions and answers, and suspending their shop", () => {
    for (const type of ["review", "question", "answer"] as const)
      expect(actions({ status: "open", targetType: type, target: target({ type }) })).toEqual([
        "dismiss",
        "hide",
        "suspend_shop",
      ]);
  });

  it("offers unlisting a live product, not one already taken down", () => {
    const live = target({ type: "product", status: "approved", text: null, rating: null });
    expect(actions({ status: "open", targetType: "product", target: live })).toEqual([
      "dismiss",
      "unlist",
      "suspend_shop",
    ]);
    const down = { ...live, status: "rejected" };
    expect(actions({ status: "open", targetType: "product", target: down })).toEqual([
      "dismiss",
      "suspend_shop",
    ]);
  });

  it("does not suspend a shop twice, and only dismisses what was deleted", () => {
    const suspended = target({
      type: "shop",
      title: "Asha Crafts",
      status: "suspended",
      shop: { ...shop, status: "suspended" },
    });
    expect(actions({ status: "open", targetType: "shop", target: suspended })).toEqual(["dismiss"]);
    const open = target({ type: "shop", title: "Asha Crafts", status: "approved", product: null });
    const choices = caseChoices({ status: "open", targetType: "shop", target: open });
    expect(choices.map((c) => c.action)).toEqual(["dismiss", "suspend_shop"]);
    expect(choices[1]?.title).toBe("Suspend Asha Crafts?");
    const gone = target({ exists: false, shop: null, product: null });
    expect(actions({ status: "open", targetType: "review", target: gone })).toEqual(["dismiss"]);
  });

  it("asks a reason for everything but dismissing, and nothing once decided", () => {
    const choices = caseChoices({ status: "open", targetType: "review", target: target({}) });
    expect(choices.map((c) => c.needsReason)).toEqual([false, true, true]);
    expect(caseChoices({ status: "actioned", targetType: "review", target: target({}) })).toEqual([]);
  });

  it("restores only what a case hid", () => {
    expect(canRestore({ status: "actioned", action: "hide" })).toBe(true);
    expect(canRestore({ status: "actioned", action: "restore" })).toBe(false);
    expect(canRestore({ status: "actioned", action: "unlist" })).toBe(false);
    expect(canRestore({ status: "open", action: null })).toBe(false);
  });
});

describe("report text", () => {
  it("counts reports and clips long text at a word", () => {
    expect(reportCount(1)).toBe("1 report");
    expect(reportCount(12)).toBe("12 reports");
    expect(clip("short", 10)).toBe("short");
    expect(clip("the quick brown fox jumps", 14)).toBe("the quick…");
    expect(clip("abcdefghijklmnop", 5)).toBe("abcde…");
  });
});
