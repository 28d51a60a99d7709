import { type Database, sellers } from "@bazaar/db";
import type { SubOrderStatus } from "@bazaar/schemas";
import { inArray } from "drizzle-orm";
import { customerLinks, inr, sellerLinks } from "./links";
import type { NewNotification } from "./notify";

/** Who made an order's change (the orders domain's ActorKind). */
type ActorKind = "customer" | "seller" | "admin" | "system";

/**
 * The in-app notifications an order's events write: what each side reads in its bell and
 * where the link takes it. Builders only; callers pass the result to `notify` in the
 * event's own transaction.
 */

type Order = { id: string; number: string; customerId: string };
type Sub = {
  id: string;
  number: string;
  sellerId: string;
  total: number;
  seller: { shopName: string };
  /** The status before the event, where it matters (a pending part is unknown to its shop). */
  status?: SubOrderStatus;
};

const STATUS_TEXT: Partial<Record<SubOrderStatus, string>> = {
  confirmed: "is confirmed",
  packed: "is packed",
  shipped: "has shipped",
  out_for_delivery: "is out for delivery",
  delivered: "was delivered",
};

/** The user behind each shop, in one query (sub-orders carry the shop, not its owner). */
export async function shopOwners(tx: Database, sellerIds: string[]): Promise<Map<string, string>> {
  if (!sellerIds.length) return new Map();
  const rows = await tx
    .select({ id: sellers.id, userId: sellers.userId })
    .from(sellers)
    .where(inArray(sellers.id, [...new Set(sellerIds)]));
  return new Map(rows.map((r) => [r.id, r.userId]));
}

/** The buyer hears the order is placed; each shop whose part is confirmed hears of a new order. */
export function orderPlacedNotices(
  order: Order & { total: number; awaitingPayment: boolean },
  subs: (Sub & { ownerId: string; confirmed: boolean })[],
): NewNotification[] {
  return [
    {
      userId: order.customerId,
      category: "orders",
      type: "order.placed",
      title: `Order ${order.number} placed`,
      body: order.awaitingPayment
        ? `We are holding your items for ${inr(order.total)} until your payment arrives.`
        : `Your order for ${inr(order.total)} is confirmed.`,
      link: customerLinks.order(order.id),
    },
    ...subs.filter((s) => s.confirmed).map((s) => sellerNewOrder(s, s.ownerId)),
  ];
}

/** A shop's part is confirmed (placed with COD, or paid): theirs to pack. */
export function sellerNewOrder(sub: Sub, ownerId: string): NewNotification {
  return {
    userId: ownerId,
    category: "orders",
    type: "order.new",
    title: `New order ${sub.number}`,
    body: `${inr(sub.total)} confirmed and ready for you to pack.`,
    link: sellerLinks.subOrder(sub.id),
  };
}

/** The buyer hears each step a shop (or Bazaar) moves their part forward. */
export function statusChangedNotice(
  order: Order,
  sub: Sub,
  to: SubOrderStatus,
  shipping?: { carrier?: string | null; trackingNumber?: string | null },
): NewNotification {
  const tracking =
    to === "shipped" && shipping?.carrier
      ? ` with ${shipping.carrier} (${shipping.trackingNumber ?? ""})`
      : "";
  return {
    userId: order.customerId,
    category: "orders",
    type: `order.${to}`,
    title: `Order ${order.number} ${STATUS_TEXT[to] ?? to}`,
    body: `${sub.seller.shopName}'s part of your order ${STATUS_TEXT[to] ?? to}${tracking}.`,
    link: customerLinks.order(order.id),
  };
}

/**
 * A cancellation, told to whoever did not make it: the buyer (unless they cancelled) and
 * each shop whose part it was (unless that shop cancelled it).
 */
export function cancelledNotices(
  order: Order,
  subs: Sub[],
  owners: Map<string, string>,
  by: ActorKind,
  reason: string | null,
): NewNotification[] {
  const why = reason ? ` Reason: ${reason}` : "";
  const out: NewNotification[] = [];
  if (by !== "customer")
    out.push({
      userId: order.customerId,
      category: "orders",
      type: "order.cancelled",
      title: `Order ${order.number} cancelled`,
      body: `${subs.map((s) => s.seller.shopName).join(" and ")}'s part of your order was cancelled.${why}`,
      link: customerLinks.order(order.id),
    });
  if (by !== "seller")
    // A part still waiting for payment was never shown to its shop as an order.
    for (const s of subs.filter((x) => x.status !== "placed")) {
      const ownerId = owners.get(s.sellerId);
      if (ownerId)
        out.push({
          userId: ownerId,
          category: "orders",
          type: "order.cancelled",
          title: `Order ${s.number} cancelled`,
          body: `${by === "customer" ? "The buyer" : "Bazaar"} cancelled ${s.number} (${inr(s.total)}). Do not ship it.${why}`,
          link: sellerLinks.subOrder(s.id),
        });
    }
  return out;
}
