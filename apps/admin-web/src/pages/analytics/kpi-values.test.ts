import { describeChange } from "@bazaar/ui";
import { describe, expect, it } from "vitest";
import { ADMIN_KPIS, changeOptions, kpiFormatter, periodText, splitMethodLabel } from "./kpi-values";

const def = (key: string) => {
  const d = ADMIN_KPIS.find((k) => k.key === key);
  if (!d) throw new Error(key);
  return d;
};

describe("admin KPI figures", () => {
  it("formats money, counts and rates", () => {
    expect(kpiFormatter("money")(12345600)).toBe("₹1,23,456");
    expect(kpiFormatter("count")(1234)).toBe("1,234");
    expect(kpiFormatter("rate")(0.1234)).toBe("12.34%");
  });

  it("reads a rise in refunds as bad news, in percentage points", () => {
    const change = describeChange(
      { value: 0.03, previous: 0.02, change: 0.5 },
      changeOptions(def("refundRate")),
    );
    expect(change).toMatchObject({ text: "+1 pt", tone: "bad" });
  });

  it("reads a rise in GMV as good news, in percent", () => {
    const change = describeChange({ value: 150, previous: 100, change: 0.5 }, changeOptions(def("gmv")));
    expect(change).toMatchObject({ text: "+50%", tone: "good" });
  });

  it("shows every figure the issue asks for", () => {
    expect(ADMIN_KPIS.map((k) => k.key)).toEqual(
      expect.arrayContaining([
        "gmv",
        "netRevenue",
        "commission",
        "orders",
        "newCustomers",
        "newSellers",
        "refundRate",
      ]),
    );
  });

  it("names a period by its dates", () => {
    expect(periodText({ from: "2026-03-01", to: "2026-03-01" })).toBe("2026-03-01");
    expect(periodText({ from: "2026-03-01", to: "2026-03-07" })).toBe("2026-03-01 to 2026-03-07");
  });
});

describe("payment split", () => {
  it("names each gateway, so Stripe and Razorpay are not both just online", () => {
    expect((["razorpay", "stripe", "cod"] as const).map(splitMethodLabel)).toEqual([
      "Razorpay",
      "Stripe",
      "Cash on delivery",
    ]);
  });
});
