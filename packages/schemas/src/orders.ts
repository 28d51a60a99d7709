import { z } from "zod";
import { dateTime, Id, PageInput, safeText } from "./common";
import { PaymentMethod } from "./payment-method";
import type { PaymentStartDto } from "./payments";
import type { ReturnStatus, SubOrderReturnDto } from "./returns";

export { PaymentMethod };
export const PaymentStatus = z.enum([
  "pending",
  "paid",
  "failed",
  "expired",
  "cod_pending",
  "cod_collected",
  "refunded",
  "partially_refunded",
]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;
/**
 * placed: created (an online order waits here for its payment) · confirmed: paid, or
 * cash on delivery accepted · then the seller packs, ships and delivers.
 */
export const SubOrderStatus = z.enum([
  "placed",
  "confirmed",
  "packed",
  "shipped",
  "out_for_delivery",
  "delivered",
  "cancelled",
]);
export type SubOrderStatus = z.infer<typeof SubOrderStatus>;

export const OrderIdInput = z.object({ orderId: Id });

export const OrdersMineInput = PageInput.extend({ status: SubOrderStatus.optional() });
export type OrdersMineInput = z.input<typeof OrdersMineInput>;
export const CustomerCancelInput = z.object({
  orderId: Id,
  /** One seller's part only; absent: every part that can still be cancelled. */
  subOrderId: Id.optional(),
  reason: safeText("Reason", { multiline: true }).max(500).optional(),
});
export type CustomerCancelInput = z.input<typeof CustomerCancelInput>;

export const SellerOrdersListInput = PageInput.extend({ status: SubOrderStatus.optional() });
export type SellerOrdersListInput = z.input<typeof SellerOrdersListInput>;
const Reason = safeText("Reason", { multiline: true })
  .min(3, "Give a reason of at least 3 characters")
  .max(500);
export const AdvanceSubOrderInput = z
  .object({
    subOrderId: Id,
    to: SubOrderStatus.exclude(["placed"]),
    carrier: safeText("Carrier").min(2, "Name the carrier").max(60).optional(),
    trackingNumber: safeText("Tracking number")
      .min(4, "Tracking numbers are 4 to 40 characters")
      .max(40, "Tracking numbers are 4 to 40 characters")
      .optional(),
    note: safeText("Note", { multiline: true }).max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === "shipped" && !v.carrier)
      ctx.addIssue({ code: "custom", path: ["carrier"], message: "Name the carrier" });
    if (v.to === "shipped" && !v.trackingNumber)
      ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "Give the tracking number" });
    if (v.to === "cancelled" && (!v.note || v.note.length < 3))
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say why you are cancelling" });
  });
export type AdvanceSubOrderInput = z.input<typeof AdvanceSubOrderInput>;

export const AdminOrdersListInput = PageInput.extend({
  status: SubOrderStatus.optional(),
  paymentStatus: PaymentStatus.optional(),
  paymentMethod: PaymentMethod.optional(),
  /** An order number, or the customer's email. */
  q: safeText("Search").max(100).optional(),
  sellerId: Id.optional(),
  from: dateTime("From").optional(),
  to: dateTime("To").optional(),
});
export type AdminOrdersListInput = z.input<typeof AdminOrdersListInput>;
export const AdminCancelInput = z.object({ orderId: Id, subOrderId: Id.optional(), reason: Reason });
export type AdminCancelInput = z.input<typeof AdminCancelInput>;

// ---- DTOs --------------------------------------------------------------------------------
/** A return's step on the sub-order timeline: `return.requested`, `return.approved`, ... */
export type ReturnTimelineStep = `return.${ReturnStatus}`;
export type OrderEventDto = {
  from: SubOrderStatus | null;
  to: SubOrderStatus | ReturnTimelineStep;
  at: Date;
  actorRole: "customer" | "seller" | "admin" | "system";
  note: string | null;
  /** Set on a return's steps. */
  returnId: string | null;
};

export type OrderItemDto = {
  id: string;
  productId: string | null;
  variantId: string | null;
  title: string;
  variantLabel: string;
  sku: string;
  imageUrl: string | null;
  hsnCode: string | null;
  qty: number;
  unitPrice: number;
  effectiveUnitPrice: number;
  itemDiscount: number;
  couponDiscount: number;
  lineTotal: number;
  gstRateBps: number;
  gstIncluded: number;
  /** Units sent back (or on their way back) in returns; refunded paise for the line. */
  returnedQty: number;
  refundedAmount: number;
  /** Units the buyer may still ask to return now (0 outside the window or before delivery). */
  returnableQty: number;
  /** The end of the return window (delivery + the shop's days); null before delivery or if the shop takes no returns. */
  returnableUntil: Date | null;
};

export type SubOrderDto = {
  id: string;
  number: string;
  status: SubOrderStatus;
  seller: { id: string; shopName: string; slug: string };
  items: OrderItemDto[];
  subtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  shipping: number;
  gstIncluded: number;
  total: number;
  refundedAmount: number;
  carrier: string | null;
  trackingNumber: string | null;
  /** Public: anyone with it can follow the delivery (no personal data). */
  trackingCode: string;
  trackingUrl: string;
  cancelReason: string | null;
  invoiceNumber: string | null;
  timeline: OrderEventDto[];
  deliveredAt: Date | null;
  /** The returns asked for on this part, newest first. */
  returns: SubOrderReturnDto[];
  createdAt: Date;
  updatedAt: Date;
};

export type AddressSnapshotDto = {
  name: string;
  phone: string;
  line1: string;
  line2: string | null;
  landmark: string | null;
  city: string;
  state: string;
  pincode: string;
};

export type OrderDto = {
  id: string;
  number: string;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  shippingAddress: AddressSnapshotDto;
  couponCode: string | null;
  subtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  shipping: number;
  gstIncluded: number;
  total: number;
  refundedAmount: number;
  subOrders: SubOrderDto[];
  /** Online orders: unpaid by then, the order is cancelled and its stock released. */
  expiresAt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
  /** Online orders awaiting payment: how to pay. */
  payment: PaymentStartDto | null;
};

export type OrderSummaryDto = {
  id: string;
  number: string;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  total: number;
  itemCount: number;
  imageUrl: string | null;
  subOrders: { id: string; number: string; status: SubOrderStatus; shopName: string }[];
  createdAt: Date;
};

/** A seller's view of their part of an order: whom to ship to, never the rest of the order. */
export type SellerSubOrderDto = SubOrderDto & {
  order: {
    id: string;
    number: string;
    paymentMethod: PaymentMethod;
    paymentStatus: PaymentStatus;
    createdAt: Date;
  };
  shipTo: AddressSnapshotDto;
  /** Statuses this seller may move it to now. */
  nextStatuses: SubOrderStatus[];
};

export type AdminOrderSummaryDto = OrderSummaryDto & {
  customer: { id: string; name: string; email: string };
};
export type AdminOrderDto = OrderDto & { customer: { id: string; name: string; email: string } };

/** Pushed to the buyer and the seller as a sub-order moves. */
export type OrderUpdateEvent = {
  orderId: string;
  subOrderId: string;
  number: string;
  from: SubOrderStatus | null;
  to: SubOrderStatus;
  paymentStatus: PaymentStatus;
  at: Date;
  /** Set when a return of this sub-order moved (`from`/`to` then stay the sub-order's status). */
  return?: { id: string; number: string; status: ReturnStatus };
};
