import type {
  AddressSnapshotDto,
  OrderEventDto,
  PaymentMethod,
  PaymentStatus,
  ReturnTimelineStep,
  SubOrderStatus,
} from "@bazaar/schemas";

/** Every sub-order status, in the order a delivery goes through them (cancelled last). */
export const SUB_ORDER_STATUSES: readonly SubOrderStatus[] = [
  "placed",
  "confirmed",
  "packed",
  "shipped",
  "out_for_delivery",
  "delivered",
  "cancelled",
];

const SUB_ORDER: Record<SubOrderStatus, { label: string; tone: string }> = {
  placed: { label: "Placed", tone: "bz-tag--warning" },
  confirmed: { label: "Confirmed", tone: "bz-tag--info" },
  packed: { label: "Packed", tone: "bz-tag--info" },
  shipped: { label: "Shipped", tone: "bz-tag--accent" },
  out_for_delivery: { label: "Out for delivery", tone: "bz-tag--accent" },
  delivered: { label: "Delivered", tone: "bz-tag--accent" },
  cancelled: { label: "Cancelled", tone: "bz-tag--danger" },
};

/** "out_for_delivery" → "Out for delivery". */
export const subOrderStatusLabel = (status: SubOrderStatus) => SUB_ORDER[status].label;
export const subOrderStatusTone = (status: SubOrderStatus) => SUB_ORDER[status].tone;

const PAYMENT: Record<PaymentStatus, { label: string; tone: string }> = {
  pending: { label: "Awaiting payment", tone: "bz-tag--warning" },
  paid: { label: "Paid", tone: "bz-tag--accent" },
  failed: { label: "Payment failed", tone: "bz-tag--danger" },
  expired: { label: "Payment expired", tone: "bz-tag--muted" },
  cod_pending: { label: "Pay on delivery", tone: "bz-tag--info" },
  cod_collected: { label: "Paid on delivery", tone: "bz-tag--accent" },
  refunded: { label: "Refunded", tone: "bz-tag--muted" },
  partially_refunded: { label: "Partly refunded", tone: "bz-tag--info" },
};

export const PAYMENT_STATUSES = Object.keys(PAYMENT) as PaymentStatus[];
export const paymentStatusLabel = (status: PaymentStatus) => PAYMENT[status].label;
export const paymentStatusTone = (status: PaymentStatus) => PAYMENT[status].tone;

export const paymentMethodLabel = (method: PaymentMethod) =>
  method === "cod" ? "Cash on delivery" : "Online payment";

/** What one step of a sub-order's timeline says: "Order placed", "Shipped", "Cancelled". */
/** A return's steps on the sub-order timeline. */
const RETURN_STEP: Record<ReturnTimelineStep, string> = {
  "return.requested": "Return requested",
  "return.approved": "Return approved",
  "return.rejected": "Return rejected",
  "return.escalated": "Return escalated to Bazaar",
  "return.received": "Return received by the seller",
  "return.refunded": "Return refunded",
  "return.cancelled": "Return cancelled",
};

export function timelineLabel(event: Pick<OrderEventDto, "from" | "to">): string {
  if (event.from === null && event.to === "placed") return "Order placed";
  if (event.to.startsWith("return.")) return RETURN_STEP[event.to as ReturnTimelineStep];
  return subOrderStatusLabel(event.to as SubOrderStatus);
}

const ACTOR: Record<OrderEventDto["actorRole"], string> = {
  customer: "the customer",
  seller: "the seller",
  admin: "Bazaar",
  system: "Bazaar",
};

/** "by the seller", for cancellations and other steps someone chose to take. */
export const timelineActor = (event: Pick<OrderEventDto, "actorRole">) => `by ${ACTOR[event.actorRole]}`;

/** "+919876543210" → "+91 98765 43210". */
export const formatPhone = (phone: string) => phone.replace(/^\+91(\d{5})(\d{5})$/, "+91 $1 $2");

/** An address snapshot as the lines of a label: name, street, city, phone. */
export function addressLines(a: AddressSnapshotDto): string[] {
  return [
    a.name,
    a.line1,
    ...(a.line2 ? [a.line2] : []),
    ...(a.landmark ? [`Near ${a.landmark}`] : []),
    `${a.city}, ${a.state} ${a.pincode}`,
    formatPhone(a.phone),
  ];
}

/** "3 items". */
export const itemCount = (n: number) => `${n} item${n === 1 ? "" : "s"}`;
