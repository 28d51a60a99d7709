import { type Database, type orderEvents, orderItems, type sellers, subOrders } from "@bazaar/db";
import { type EvaluatedCart, variantLabel } from "../cart";
import { type Effects, type OrderRow, recordTransitions } from "../orders";
import type { Actor } from "../platform/deps";

/** A shop an order buys from, its commission settled (its own rate, or the platform's default). */
export type Shop = Pick<
  typeof sellers.$inferSelect,
  "id" | "userId" | "shopName" | "slug" | "gstin" | "pan" | "pickupAddress" | "codEnabled"
> & { commissionBps: number };

/** The rows an order's transaction wrote, enough to answer with the order without reading it back. */
export type WrittenOrder = {
  subOrders: (typeof subOrders.$inferSelect)[];
  items: (typeof orderItems.$inferSelect)[];
  events: (typeof orderEvents.$inferSelect)[];
};

/**
 * One sub-order per seller with its items frozen, and the first step of each timeline, in
 * three statements however many sellers and lines: one insert per table. Cash on delivery
 * needs no payment, so those parts are confirmed at once (a second step each).
 */
export async function insertSubOrders(
  tx: Database,
  fx: Effects,
  t: { order: OrderRow; evaluated: EvaluatedCart; shops: Map<string, Shop>; actor: Actor; now: Date },
): Promise<WrittenOrder> {
  const { order, evaluated, shops, actor, now } = t;
  const cod = order.paymentMethod === "cod";
  const groups = evaluated.priced.groups;
  const subs = await tx
    .insert(subOrders)
    .values(
      groups.map((g, i) => {
        const shop = shops.get(g.sellerId)!;
        return {
          orderId: order.id,
          sellerId: g.sellerId,
          number: `${order.number}-${i + 1}`,
          status: cod ? ("confirmed" as const) : ("placed" as const),
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
          invoiceNumber: cod ? `INV-${order.number}-${i + 1}` : null,
          createdAt: now,
          updatedAt: now,
        };
      }),
    )
    .returning()
    .prepare(statementName("checkout_insert_sub_orders", groups.length))
    .execute();
  const subBySeller = new Map(subs.map((s) => [s.sellerId, s]));
  const lineCount = groups.reduce((n, g) => n + g.lines.length, 0);
  const rowById = new Map(evaluated.lines.map((l) => [l.row.id, l.row]));
  const items = await tx
    .insert(orderItems)
    .values(
      groups.flatMap((g) =>
        g.lines.map((l, position) => {
          const row = rowById.get(l.id)!;
          return {
            position,
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
          };
        }),
      ),
    )
    .returning()
    .prepare(statementName("checkout_insert_order_items", lineCount))
    .execute();
  const buyer = { kind: "customer" as const, userId: actor.userId };
  const system = { kind: "system" as const, userId: null };
  // Each part's steps side by side, placed before confirmed: the rows keep this order.
  const events = await recordTransitions(
    tx,
    fx,
    subs.flatMap((sub) => [
      { order, subOrder: sub, from: null, to: "placed" as const, actor: buyer, at: now },
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
    ]),
  );
  return { subOrders: subs, items, events };
}

/**
 * A multi-row insert's text depends on its number of rows: one prepared statement per count
 * (a cart's lines are bounded by the checkout limits, so few ever exist on a connection).
 */
const statementName = (base: string, rows: number) => `${base}_${rows}`;
