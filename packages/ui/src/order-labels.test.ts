import { describe, expect, it } from "vitest";
import {
  addressLines,
  formatPhone,
  paymentMethodLabel,
  paymentStatusLabel,
  SUB_ORDER_STATUSES,
  subOrderStatusLabel,
  timelineActor,
  timelineLabel,
} from "./order-labels";

describe("order labels", () => {
  it("names every status in plain words", () => {
    expect(SUB_ORDER_STATUSES.map(subOrderStatusLabel)).toEqual([
      "Placed",
      "Confirmed",
      "Packed",
      "Shipped",
      "Out for delivery",
      "Delivered",
      "Cancelled",
    ]);
    expect(paymentStatusLabel("pending")).toBe("Awaiting payment");
    expect(paymentStatusLabel("paid")).toBe("Paid");
    expect(paymentStatusLabel("partially_refunded")).toBe("Partly refunded");
    expect(paymentMethodLabel("cod")).toBe("Cash on delivery");
  });

  it("tells the first step of a timeline from the later ones", () => {
    expect(timelineLabel({ from: null, to: "placed" })).toBe("Order placed");
    expect(timelineLabel({ from: "placed", to: "confirmed" })).toBe("Confirmed");
    expect(timelineActor({ actorRole: "seller" })).toBe("by the seller");
    expect(timelineActor({ actorRole: "system" })).toBe("by Bazaar");
  });

  it("writes an address as label lines, leaving out what is empty", () => {
    expect(
      addressLines({
        name: "Asha Rao",
        phone: "+919876543210",
        line1: "12 MG Road",
        line2: null,
        landmark: "Apollo Hospital",
        city: "Bengaluru",
        state: "Karnataka",
        pincode: "560001",
      }),
    ).toEqual([
      "Asha Rao",
      "12 MG Road",
      "Near Apollo Hospital",
      "Bengaluru, Karnataka 560001",
      "+91 98765 43210",
    ]);
    expect(formatPhone("+1555")).toBe("+1555");
  });
});
