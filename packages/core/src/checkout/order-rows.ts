import { randomUUID } from "node:crypto";
import type { Database, orderEvents, orderItems, sellers, subOrders } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { type EvaluatedCart, variantLabel } from "../cart";
import { announceTransitions, type Effects, type OrderRow } from "../orders";
import type { Actor } from "../platform/deps";
import { preparedStatement } from "../platform/prepared";

/** A shop an order buys from, its commission settled (its own rate, or the platform's default). */
export type Shop = Pick<
  typeof sellers.$inferSelect,
  "id" | "userId" | "shopName" | "slug" | "gstin" | "pan" | "pickupAddress" | "codEnabled"
> & { commissionBps: number };

type SubOrderRow = typeof subOrders.$inferSelect;
type ItemRow = typeof orderItems.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

/** The rows an order's transaction wrote, enough to answer with the order without reading it back. */
export type WrittenOrder = { subOrders: SubOrderRow[]; items: ItemRow[]; events: EventRow[] };

/**
 * Everything an order is, written in one statement however many sellers and lines: the parent
 * order, one sub-order per seller with its items frozen, the first step of each timeline (cash
 * on delivery needs no payment, so those parts are confirmed at once, a second step each), and
 * the bought cart emptied with its coupon dropped. Every id and value is made here, so the rows
 * are answered as written; only the timeline's sequence numbers come back from the database.
 * One round trip instead of four, and no query building per order (the text is fixed).
 */
export async function insertOrderRows(
  tx: Database,
  fx: Effects,
  t: {
    order: OrderRow;
    cartId: string;
    evaluated: EvaluatedCart;
    shops: Map<string, Shop>;
    actor: Actor;
    now: Date;
  },
): Promise<WrittenOrder> {
  const { order, evaluated, shops, actor, now } = t;
  const cod = order.paymentMethod === "cod";
  const groups = evaluated.priced.groups;
  const subs: SubOrderRow[] = groups.map((g, i) => {
    const shop = shops.get(g.sellerId)!;
    return {
      id: randomUUID(),
      orderId: order.id,
      sellerId: g.sellerId,
      number: `${order.number}-${i + 1}`,
      status: cod ? "confirmed" : "placed",
      seller: {
        shopName: shop.shopName,
        slug: shop.slug,
        gstin: shop.gstin,
        pan: shop.pan,
        address: shop.pickupAddress,
      },
      subtotal: g.subtotal,
      itemDiscount: g.itemDiscount,
      couponDiscount: g.couponDiscount,
      shipping: g.shipping,
      gstIncluded: g.lines.reduce((a, l) => a + l.gstIncluded, 0),
      total: g.total,
      commissionBps: shop.commissionBps,
      refundedAmount: 0,
      carrier: null,
      trackingNumber: null,
      cancelReason: null,
      invoiceNumber: cod ? `INV-${order.number}-${i + 1}` : null,
      deliveredAt: null,
      fundsReleaseAt: null,
      fundsReleasedAt: null,
      createdAt: now,
      updatedAt: now,
    };
  });
  const subBySeller = new Map(subs.map((s) => [s.sellerId, s]));
  const rowById = new Map(evaluated.lines.map((l) => [l.row.id, l.row]));
  const items: ItemRow[] = groups.flatMap((g) =>
    g.lines.map((l, position) => {
      const row = rowById.get(l.id)!;
      return {
        id: randomUUID(),
        orderId: order.id,
        subOrderId: subBySeller.get(g.sellerId)!.id,
        variantId: row.variant_id,
        productId: row.product_id,
        title: row.title,
        variantLabel: variantLabel(row.option_values),
        sku: row.sku,
        imageUrl: row.image_url,
        hsnCode: row.hsn_code,
        gstRateBps: l.gstRateBps,
        qty: l.qty,
        unitPrice: l.unitPrice,
        effectiveUnitPrice: l.effectiveUnitPrice,
        itemDiscount: l.itemDiscount,
        couponDiscount: l.couponDiscount,
        lineTotal: l.lineTotal,
        gstIncluded: l.gstIncluded,
        position,
        returnedQty: 0,
        refundedAmount: 0,
      };
    }),
  );
  const buyer = { kind: "customer" as const, userId: actor.userId };
  const system = { kind: "system" as const, userId: null };
  // Each part's steps side by side, placed before confirmed: the rows keep this order.
  const steps = subs.flatMap((sub) => [
    { order, subOrder: sub, from: null, to: "placed" as const, actor: buyer, note: null, at: now },
    ...(cod
      ? [
          {
            order,
            subOrder: sub,
            from: "placed" as const,
            to: "confirmed" as const,
            actor: system,
            note: "Cash on delivery",
            at: now,
          },
        ]
      : []),
  ]);
  const events: EventRow[] = steps.map((s) => ({
    id: randomUUID(),
    orderId: order.id,
    subOrderId: s.subOrder.id,
    fromStatus: s.from,
    toStatus: s.to,
    actorId: s.actor.userId,
    actorRole: s.actor.kind,
    note: s.note,
    returnId: null,
    createdAt: now,
    seq: 0, // the database numbers the steps: read back below
  }));
  const seqs = await insertRows(tx, {
    ...order,
    shippingAddress: JSON.stringify(order.shippingAddress),
    cartId: t.cartId,
    subs: JSON.stringify(subs.map(snakeCase)),
    items: JSON.stringify(items.map(snakeCase)),
    events: JSON.stringify(events.map(snakeCase)),
  });
  const seqById = new Map(seqs.map((r) => [r.id, r.seq]));
  for (const e of events) e.seq = seqById.get(e.id)!;
  announceTransitions(fx, steps);
  return { subOrders: subs, items, events };
}

/** A row's keys as its table's column names, for jsonb_populate_recordset. */
function snakeCase(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[columnName(k)] = v;
  return out;
}

// The same few dozen field names on every order: each converted once, not by a regex per
// field of every row (~60 µs an order).
const columnNames = new Map<string, string>();
function columnName(key: string): string {
  let name = columnNames.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    columnNames.set(key, name);
  }
  return name;
}

const SUB_ORDER_COLUMNS = sql.raw(
  "id, order_id, seller_id, number, status, seller, subtotal, item_discount, coupon_discount, shipping, gst_included, total, commission_bps, refunded_amount, invoice_number, created_at, updated_at",
);
const ITEM_COLUMNS = sql.raw(
  "id, order_id, sub_order_id, variant_id, product_id, title, variant_label, sku, image_url, hsn_code, gst_rate_bps, qty, unit_price, effective_unit_price, item_discount, coupon_discount, line_total, gst_included, position, returned_qty, refunded_amount",
);
const EVENT_COLUMNS = sql.raw(
  "id, order_id, sub_order_id, from_status, to_status, actor_id, actor_role, note, created_at",
);

const p = (name: keyof OrderRow | "cartId" | "subs" | "items" | "events") => sql.placeholder(name);
/**
 * The order, its parts, items and first steps (each list one JSON parameter, so the text is
 * fixed and stays prepared), the parts booked for the dashboards' next fold, and the cart
 * emptied. The parts and items reference rows inserted by the statement's other clauses:
 * foreign keys are checked at its end, when all are there.
 */
const insertRows = preparedStatement<
  { id: string; seq: number },
  Omit<OrderRow, "shippingAddress"> & {
    shippingAddress: string;
    cartId: string;
    subs: string;
    items: string;
    events: string;
  }
>(
  "checkout_insert_order_rows",
  () => sql`with emptied as (delete from cart_items where cart_id = ${p("cartId")}::uuid),
    cleared as (update carts set coupon_id = null, updated_at = ${p("createdAt")}::timestamptz where id = ${p("cartId")}::uuid),
    placed as (
      insert into orders (id, number, customer_id, idempotency_key, payment_method, payment_status, shipping_address,
        coupon_id, coupon_code, subtotal, item_discount, coupon_discount, shipping, gst_included, total, refunded_amount,
        expires_at, paid_at, created_at, updated_at)
      values (${p("id")}, ${p("number")}, ${p("customerId")}, ${p("idempotencyKey")}, ${p("paymentMethod")},
        ${p("paymentStatus")}, ${p("shippingAddress")}, ${p("couponId")}, ${p("couponCode")}, ${p("subtotal")},
        ${p("itemDiscount")}, ${p("couponDiscount")}, ${p("shipping")}, ${p("gstIncluded")}, ${p("total")},
        ${p("refundedAmount")}, ${p("expiresAt")}, ${p("paidAt")}, ${p("createdAt")}, ${p("updatedAt")})
    ),
    parts as (
      insert into sub_orders (${SUB_ORDER_COLUMNS})
      select ${SUB_ORDER_COLUMNS} from jsonb_populate_recordset(null::sub_orders, ${p("subs")}::jsonb)
      returning id
    ),
    booked as (insert into analytics_pending (sub_order_id) select id from parts),
    lines as (
      insert into order_items (${ITEM_COLUMNS})
      select ${ITEM_COLUMNS} from jsonb_populate_recordset(null::order_items, ${p("items")}::jsonb)
    )
    insert into order_events (${EVENT_COLUMNS})
    select ${EVENT_COLUMNS} from jsonb_populate_recordset(null::order_events, ${p("events")}::jsonb) with ordinality as e
    order by e.ordinality
    returning id, seq`,
);
