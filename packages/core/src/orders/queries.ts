import { type Database, orderEvents, orderItems, type orders, payments, subOrders, users } from "@bazaar/db";
import type { OrderDto, OrderEventDto, OrderItemDto, PaymentStartDto, SubOrderDto } from "@bazaar/schemas";
import { asc, eq, inArray } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { createTrackingCode, trackingUrl } from "./documents/tracking";

export type OrderRow = typeof orders.$inferSelect;
export type SubOrderRow = typeof subOrders.$inferSelect;
export type DocDeps = Pick<Deps, "auth" | "urls">;

export function trackingFor(deps: DocDeps, subOrderId: string) {
  const code = createTrackingCode(deps.auth.secret, subOrderId);
  return { trackingCode: code, trackingUrl: trackingUrl(deps.urls.customer, code) };
}

const toItem = (i: typeof orderItems.$inferSelect): OrderItemDto => ({
  id: i.id,
  productId: i.productId,
  variantId: i.variantId,
  title: i.title,
  variantLabel: i.variantLabel,
  sku: i.sku,
  imageUrl: i.imageUrl,
  hsnCode: i.hsnCode,
  qty: i.qty,
  unitPrice: i.unitPrice,
  effectiveUnitPrice: i.effectiveUnitPrice,
  itemDiscount: i.itemDiscount,
  couponDiscount: i.couponDiscount,
  lineTotal: i.lineTotal,
  gstRateBps: i.gstRateBps,
  gstIncluded: i.gstIncluded,
});

const toEvent = (e: typeof orderEvents.$inferSelect): OrderEventDto => ({
  from: e.fromStatus as OrderEventDto["from"],
  to: e.toStatus as OrderEventDto["to"],
  at: e.createdAt,
  actorRole: e.actorRole as OrderEventDto["actorRole"],
  note: e.note,
});

/** Sub-orders with their items and timelines, three queries however many there are. */
export async function loadSubOrders(
  db: Database,
  deps: DocDeps,
  rows: SubOrderRow[],
): Promise<SubOrderDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // One query at a time: `db` may be a transaction, and a transaction is one connection.
  const items = await db
    .select()
    .from(orderItems)
    .where(inArray(orderItems.subOrderId, ids))
    .orderBy(asc(orderItems.position));
  const events = await db
    .select()
    .from(orderEvents)
    .where(inArray(orderEvents.subOrderId, ids))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.seq));
  return rows.map((s) => ({
    id: s.id,
    number: s.number,
    status: s.status,
    seller: { id: s.sellerId, shopName: s.seller.shopName, slug: s.seller.slug },
    items: items.filter((i) => i.subOrderId === s.id).map(toItem),
    subtotal: s.subtotal,
    itemDiscount: s.itemDiscount,
    couponDiscount: s.couponDiscount,
    shipping: s.shipping,
    gstIncluded: s.gstIncluded,
    total: s.total,
    refundedAmount: s.refundedAmount,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    ...trackingFor(deps, s.id),
    cancelReason: s.cancelReason,
    invoiceNumber: s.invoiceNumber,
    timeline: events.filter((e) => e.subOrderId === s.id).map(toEvent),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  }));
}

export async function toOrderDto(
  db: Database,
  deps: DocDeps,
  order: OrderRow,
  payment: PaymentStartDto | null = null,
): Promise<OrderDto> {
  const subs = await db
    .select()
    .from(subOrders)
    .where(eq(subOrders.orderId, order.id))
    .orderBy(asc(subOrders.number));
  return {
    id: order.id,
    number: order.number,
    paymentMethod: order.paymentMethod,
    paymentStatus: order.paymentStatus,
    shippingAddress: order.shippingAddress,
    couponCode: order.couponCode,
    subtotal: order.subtotal,
    itemDiscount: order.itemDiscount,
    couponDiscount: order.couponDiscount,
    shipping: order.shipping,
    gstIncluded: order.gstIncluded,
    total: order.total,
    refundedAmount: order.refundedAmount,
    subOrders: await loadSubOrders(db, deps, subs),
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    createdAt: order.createdAt,
    payment,
  };
}

/** How the customer pays an online order that still awaits payment; null once settled. */
export async function paymentStartFor(
  db: Database,
  deps: Pick<Deps, "payments" | "publicApiUrl" | "urls">,
  order: OrderRow,
): Promise<PaymentStartDto | null> {
  if (order.paymentMethod !== "razorpay" || order.paymentStatus !== "pending") return null;
  const [p] = await db.select().from(payments).where(eq(payments.orderId, order.id));
  if (!p) return null;
  const [customer] = await db
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.id, order.customerId));
  const returnUrl = `${deps.urls.customer}/orders/${order.id}`;
  return {
    gateway: deps.payments.kind,
    keyId: deps.payments.keyId,
    razorpayOrderId: p.providerOrderId,
    amount: p.amount,
    currency: "INR",
    checkoutUrl:
      deps.payments.kind === "dev"
        ? `${deps.publicApiUrl}/dev/checkout?order_id=${encodeURIComponent(p.providerOrderId)}&return_url=${encodeURIComponent(returnUrl)}`
        : null,
    prefill: {
      name: customer?.name ?? "",
      email: customer?.email ?? "",
      contact: order.shippingAddress.phone,
    },
  };
}
