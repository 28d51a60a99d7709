import { describe, expect, it } from "vitest";
import {
  adminMayCancel,
  NO_FILTERS,
  orderFilterParams,
  orderListInput,
  parseDay,
  readOrderFilters,
} from "./order-values";

describe("order filters", () => {
  it("reads the address, dropping what is not valid", () => {
    const params = new URLSearchParams(
      "q=asha@example.com&status=shipped&payment=paid&method=bitcoin&from=2025-03-01&to=2025-02-31",
    );
    expect(readOrderFilters(params)).toEqual({
      q: "asha@example.com",
      status: "shipped",
      paymentStatus: "paid",
      paymentMethod: "",
      from: "2025-03-01",
      to: "",
    });
    expect(readOrderFilters(new URLSearchParams())).toEqual(NO_FILTERS);
  });

  it("round-trips through the address without empty parameters", () => {
    const filters = { ...NO_FILTERS, q: " BZ-250301 ", paymentMethod: "cod" as const, to: "2025-03-05" };
    expect(orderFilterParams(filters).toString()).toBe("q=BZ-250301&method=cod&to=2025-03-05");
    expect(readOrderFilters(orderFilterParams(filters))).toEqual({ ...filters, q: "BZ-250301" });
  });

  it("asks for whole days in India: from midnight to the midnight after the last day", () => {
    expect(orderListInput({ ...NO_FILTERS, from: "2025-03-01", to: "2025-03-31" })).toEqual({
      from: new Date("2025-03-01T00:00+05:30"),
      to: new Date("2025-04-01T00:00+05:30"),
    });
    expect(orderListInput({ ...NO_FILTERS, status: "placed", q: "  " })).toEqual({ status: "placed" });
    expect(parseDay("2024-02-29")).toEqual(new Date("2024-02-29T00:00+05:30"));
    expect(parseDay("2025-02-29")).toBeNull();
  });

  it("lets an admin cancel anything not yet delivered", () => {
    expect(adminMayCancel("shipped")).toBe(true);
    expect(adminMayCancel("delivered")).toBe(false);
    expect(adminMayCancel("cancelled")).toBe(false);
  });
});
