import { z } from "zod";
import { safeText } from "./common";
import type { SubOrderStatus } from "./orders";

export const TrackingInput = z.object({ code: safeText("Tracking code").min(10).max(100) });

export type TrackingDto = {
  number: string;
  status: SubOrderStatus;
  shopName: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** Status changes only: no names, addresses or notes. */
  timeline: { to: SubOrderStatus; at: Date }[];
  /** The city and state it is going to, without the street. */
  destination: string;
};
