import {
  type Database,
  orderEvents,
  orderItems,
  orders,
  payments,
  returnLines,
  returns,
  subOrders,
  users,
} from "@bazaar/db";
import type {
  OrderDto,
  OrderEventDto,
  OrderItemDto,
  OrderSummaryDto,
  PaymentStartDto,
  SellerSubOrderDto,
  SubOrderDto,
  SubOrderReturnDto,
} from "@bazaar/schemas";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { isDomainError, notFound } from "../errors";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { returnableUntil, returnWindowsOf } from "../sellers";
import { trackingFor } from "../tracking";
import { nextStatuses } from "./transitions";
export type OrderRow = typeof orders.$inferSelect;
export type SubOrderRow = typeof subOrders.$inferSelect;
export type DocDeps = Pick<Deps, "auth" | "urls" | "now">;

/** `until`: the sub-order's return window end; units can be asked back while now is before it. */
const toItem = (i: typeof orderItems.$inferSelect, until: Date | null, now: Date): OrderItemDto => ({
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
  returnedQty: i.returnedQty,
  refundedAmount: i.refundedAmount,
  returnableQty: until && now < until ? i.qty - i.returnedQty : 0,
  returnableUntil: until,
});

const toEvent = (e: typeof orderEvents.$inferSelect): OrderEventDto => ({
  from: e.fromStatus as OrderEventDto["from"],
  to: e.toStatus as OrderEventDto["to"],
  at: e.createdAt,
  actorRole: e.actorRole as OrderEventDto["actorRole"],
  note: e.note,
  returnId: e.returnId,
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
  const rets = await subOrderReturns(db, ids);
  const windows = await returnWindowsOf(
    db,
    rows.map((r) => r.sellerId),
  );
  const now = deps.now();
  return rows.map((s) =>
    toSubOrderDto(deps, now, {
      row: s,
      items: items.filter((i) => i.subOrderId === s.id),
      events: events.filter((e) => e.subOrderId === s.id),
      returns: rets.filter((r) => r.subOrderId === s.id).map(({ subOrderId: _, ...r }) => r),
      returnWindowDays: windows.get(s.sellerId) ?? 0,
    }),
  );
}

/** One sub-order as its readers see it, from its rows (items in position order, events in timeline order). */
function toSubOrderDto(
  deps: DocDeps,
  now: Date,
  p: {
    row: SubOrderRow;
    items: (typeof orderItems.$inferSelect)[];
    events: (typeof orderEvents.$inferSelect)[];
    returns: SubOrderReturnDto[];
    returnWindowDays: number;
  },
): SubOrderDto {
  const s = p.row;
  return {
    id: s.id,
    number: s.number,
    status: s.status,
    seller: { id: s.sellerId, shopName: s.seller.shopName, slug: s.seller.slug },
    items: p.items.map((i) => toItem(i, returnableUntil(s.deliveredAt, p.returnWindowDays), now)),
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
    timeline: p.events.map(toEvent),
    deliveredAt: s.deliveredAt,
    returns: p.returns,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The returns of these sub-orders, newest first, read from the returns tables (no domain import). */
async function subOrderReturns(
  db: Database,
  subOrderIds: string[],
): Promise<(SubOrderReturnDto & { subOrderId: string })[]> {
  const rows = await db
    .select()
    .from(returns)
    .where(inArray(returns.subOrderId, subOrderIds))
    .orderBy(desc(returns.requestedAt), desc(returns.id));
  const units = rows.length
    ? await db
        .select({ returnId: returnLines.returnId, qty: returnLines.qty })
        .from(returnLines)
        .where(
          inArray(
            returnLines.returnId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    id: r.id,
    subOrderId: r.subOrderId,
    number: r.number,
    status: r.status,
    refundStatus: r.refundStatus,
    refundAmount: r.itemsAmount + r.shippingAmount,
    itemCount: units.filter((u) => u.returnId === r.id).reduce((a, u) => a + u.qty, 0),
    requestedAt: r.requestedAt,
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
  return orderDtoOf(order, await loadSubOrders(db, deps, subs), payment);
}

/**
 * The DTO of an order its transaction has just written, from the rows it wrote (nothing is
 * delivered or returned yet), without reading them back: what `toOrderDto` would answer.
 */
export function newOrderDto(
  deps: DocDeps,
  order: OrderRow,
  written: {
    subOrders: SubOrderRow[];
    items: (typeof orderItems.$inferSelect)[];
    events: (typeof orderEvents.$inferSelect)[];
  },
  payment: PaymentStartDto | null = null,
): OrderDto {
  const now = deps.now();
  const subs = [...written.subOrders].sort((a, b) =>
    a.number < b.number ? -1 : a.number > b.number ? 1 : 0,
  );
  const dtos = subs.map((s) =>
    toSubOrderDto(deps, now, {
      row: s,
      items: written.items.filter((i) => i.subOrderId === s.id).sort((a, b) => a.position - b.position),
      events: written.events.filter((e) => e.subOrderId === s.id),
      returns: [],
      returnWindowDays: 0,
    }),
  );
  return orderDtoOf(order, dtos, payment);
}

function orderDtoOf(order: OrderRow, subOrderDtos: SubOrderDto[], payment: PaymentStartDto | null): OrderDto {
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
    subOrders: subOrderDtos,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    createdAt: order.createdAt,
    payment,
  };
}

/** How the customer pays an online order that still awaits payment; null once settled. */
export async function paymentStartFor(
  db: Database,
  deps: Pick<Deps, "payments" | "stripe" | "publicApiUrl" | "urls" | "log">,
  order: OrderRow,
): Promise<PaymentStartDto | null> {
  if (order.paymentMethod === "cod" || order.paymentStatus !== "pending") return null;
  const [p] = await db.select().from(payments).where(eq(payments.orderId, order.id));
  if (!p) return null;
  const [customer] = await db
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(eq(users.id, order.customerId));
  const returnUrl = `${deps.urls.customer}/orders/${order.id}`;
  if (p.provider === "stripe") return stripeStart(deps, p, order, customer);
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

/**
 * A Stripe order pays in Stripe's Payment Element, which needs the intent's client secret:
 * asked of Stripe each time (it is never stored). Stripe unreachable just now: the order
 * still shows, with no secret, and the page offers to try again.
 */
async function stripeStart(
  deps: Pick<Deps, "stripe" | "log">,
  p: typeof payments.$inferSelect,
  order: OrderRow,
  customer: { name: string | null; email: string | null; phone: string | null } | undefined,
): Promise<PaymentStartDto | null> {
  if (!deps.stripe) return null;
  let clientSecret: string | null = null;
  try {
    clientSecret = await deps.stripe.clientSecret(p.providerOrderId);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    deps.log.warn({ err, orderId: order.id }, "Stripe client secret not fetched; the buyer can retry");
  }
  return {
    gateway: "stripe",
    keyId: deps.stripe.publishableKey,
    razorpayOrderId: p.providerOrderId,
    amount: p.amount,
    currency: "INR",
    checkoutUrl: null,
    prefill: {
      name: customer?.name ?? "",
      email: customer?.email ?? "",
      contact: order.shippingAddress.phone,
    },
    stripe: { publishableKey: deps.stripe.publishableKey, clientSecret, paymentIntentId: p.providerOrderId },
  };
}

/** Cards for a list of orders: sub-order statuses, item count and the first picture. */
export async function toSummaries(db: Deps["db"], rows: OrderRow[]): Promise<OrderSummaryDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [subs, items] = await Promise.all([
    db
      .select({
        id: subOrders.id,
        orderId: subOrders.orderId,
        number: subOrders.number,
        status: subOrders.status,
        seller: subOrders.seller,
      })
      .from(subOrders)
      .where(inArray(subOrders.orderId, ids))
      .orderBy(subOrders.number),
    db
      .select({
        orderId: orderItems.orderId,
        count: sql<number>`sum(${orderItems.qty})::int`,
        image: sql<
          string | null
        >`(array_agg(${orderItems.imageUrl} order by ${orderItems.id}) filter (where ${orderItems.imageUrl} is not null))[1]`,
      })
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids))
      .groupBy(orderItems.orderId),
  ]);
  return rows.map((o) => {
    const agg = items.find((i) => i.orderId === o.id);
    return {
      id: o.id,
      number: o.number,
      paymentMethod: o.paymentMethod,
      paymentStatus: o.paymentStatus,
      total: o.total,
      itemCount: agg?.count ?? 0,
      imageUrl: agg?.image ?? null,
      subOrders: subs
        .filter((s) => s.orderId === o.id)
        .map((s) => ({ id: s.id, number: s.number, status: s.status, shopName: s.seller.shopName })),
      createdAt: o.createdAt,
    };
  });
}

/** One of the customer's own orders (locked for update if asked); anyone else's is not found. */
export async function findCustomerOrder(db: Deps["db"], actor: Actor, orderId: string, lock = false) {
  const q = db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.customerId, actor.userId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("order.not_found", "Order not found");
  return row;
}

/** Name and email of each customer id, for the admin views. */
export async function findCustomers(db: Deps["db"], ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      sql`${users.id} in (${sql.join(
        [...new Set(ids)].map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** A seller's view of their sub-orders: whom to ship to and the moves open to them. */
export async function toSellerSubOrderDtos(deps: Deps, rows: SubOrderRow[]): Promise<SellerSubOrderDto[]> {
  if (!rows.length) return [];
  const dtos = await loadSubOrders(deps.db, deps, rows);
  const parents = await deps.db
    .select()
    .from(orders)
    .where(
      sql`${orders.id} in (${sql.join(
        rows.map((r) => sql`${r.orderId}`),
        sql`, `,
      )})`,
    );
  return dtos.map((d, i) => {
    const o = parents.find((p) => p.id === rows[i]!.orderId)!;
    return {
      ...d,
      order: {
        id: o.id,
        number: o.number,
        paymentMethod: o.paymentMethod,
        paymentStatus: o.paymentStatus,
        createdAt: o.createdAt,
      },
      shipTo: o.shippingAddress,
      nextStatuses: nextStatuses(d.status, "seller"),
    };
  });
}

/** One of the seller's own sub-orders (locked for update if asked). */
export async function findSellerSubOrder(
  db: Deps["db"],
  actor: SellerActor,
  subOrderId: string,
  lock = false,
) {
  const q = db
    .select()
    .from(subOrders)
    .where(and(eq(subOrders.id, subOrderId), eq(subOrders.sellerId, actor.sellerId)));
  const [row] = lock ? await q.for("update") : await q;
  // Another seller's sub-order is indistinguishable from a missing one.
  if (!row) throw notFound("order.not_found", "Order not found");
  return row;
}
