import { describe, expect, it } from "vitest";
import { sellerActions } from "./order-actions";

describe("sellerActions", () => {
  it("offers the next step first and cancelling last", () => {
    expect(sellerActions(["cancelled", "packed"]).map((a) => a.label)).toEqual(["Pack", "Cancel"]);
    expect(sellerActions(["shipped", "cancelled"])).toEqual([
      { to: "shipped", label: "Ship", asks: "shipment" },
      { to: "cancelled", label: "Cancel", asks: "reason" },
    ]);
    expect(sellerActions(["out_for_delivery"]).map((a) => a.label)).toEqual(["Out for delivery"]);
    expect(sellerActions(["delivered"]).map((a) => a.label)).toEqual(["Delivered"]);
  });

  it("offers nothing once an order is settled", () => {
    expect(sellerActions([])).toEqual([]);
    expect(sellerActions(["placed"])).toEqual([]);
  });
});
