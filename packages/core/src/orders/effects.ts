import {
  type Database,
  inventoryMovements,
  orderEvents,
  orderItems,
  productVariants,
  sellers,
  users,
} from "@bazaar/db";
import type { OrderUpdateEvent, PaymentStatus, SubOrderStatus } from "@bazaar/schemas";
import { and, eq, gte, sql } from "drizzle-orm";
import { refreshDerived } from "../catalog";
import { invalidState } from "../errors";
import type { TemplateName } from "../notifications";
import { dispatchEmails, type Notified, publishNotified, queueEmail } from "../notifications";
import type { Deps } from "../platform/deps";
import type { ActorKind } from "./transitions";

/**
 * What a change to an order owes the world once its transaction commits: emails (already
 * in the outbox), live updates to the buyer and the sellers, jobs, a catalogue refresh.
 * Collected while the transaction runs, released only after it commits.
 */
export class Effects {
  emails: string[] = [];
  live: { channels: string[]; event: OrderUpdateEvent }[] = [];
  jobs: (() => Promise<void>)[] = [];
  catalogChanged = false;
  /** In-app notifications written by `notify` in the transaction; published on release. */
  notified: Notified[] = [];

  async email(tx: Database, userId: string, template: TemplateName, payload: Record<string, unknown>) {
    const [u] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, userId));
    if (!u) return;
    this.emails.push(await queueEmail(tx, { to: u.email, template, payload: { name: u.name, ...payload } }));
  }

  /** Tells a seller their part of an order is confirmed and theirs to pack. */
  async sellerNewOrder(
    tx: Database,
    sub: { sellerId: string; number: string; total: number },
    sellerUrl: string,
  ) {
    const [shop] = await tx
      .select({ userId: sellers.userId, shopName: sellers.shopName })
      .from(sellers)
      .where(eq(sellers.id, sub.sellerId));
    if (shop)
      await this.email(tx, shop.userId, "seller_new_order", {
        shopName: shop.shopName,
        number: sub.number,
        total: sub.total,
        url: `${sellerUrl}/orders`,
      });
  }

  async release(deps: Pick<Deps, "db" | "jobs" | "log" | "live" | "cache">) {
    await dispatchEmails(deps, this.emails);
    await publishNotified(deps, ...this.notified);
    for (const job of this.jobs)
      await job().catch((err) => deps.log.error({ err }, "could not enqueue a job after an order change"));
    for (const { channels, event } of this.live)
      for (const c of channels)
        await deps.live.publish(c, event).catch((err) => deps.log.warn({ err }, "live update not delivered"));
    if (this.catalogChanged) await deps.cache.bump("catalog");
  }
}

export const customerChannel = (userId: string) => `orders:customer:${userId}`;
export const sellerChannel = (sellerId: string) => `orders:seller:${sellerId}`;

/** Writes one step of a sub-order's timeline and queues its live update. */
export async function recordTransition(
  tx: Database,
  fx: Effects,
  t: {
    order: { id: string; customerId: string; paymentStatus: PaymentStatus };
    subOrder: { id: string; number: string; sellerId: string };
    from: SubOrderStatus | null;
    to: SubOrderStatus;
    actor: { kind: ActorKind; userId: string | null };
    note?: string | null;
    at: Date;
  },
) {
  await tx.insert(orderEvents).values({
    orderId: t.order.id,
    subOrderId: t.subOrder.id,
    fromStatus: t.from,
    toStatus: t.to,
    actorId: t.actor.userId,
    actorRole: t.actor.kind,
    note: t.note ?? null,
    createdAt: t.at,
  });
  fx.live.push({
    channels: [customerChannel(t.order.customerId), sellerChannel(t.subOrder.sellerId)],
    event: {
      orderId: t.order.id,
      subOrderId: t.subOrder.id,
      number: t.subOrder.number,
      from: t.from,
      to: t.to,
      paymentStatus: t.order.paymentStatus,
      at: t.at,
    },
  });
}

/**
 * Takes `qty` units of each variant, or fails naming the first one short. One conditional
 * update per variant, so concurrent checkouts can never sell a unit twice; variants are
 * taken in id order so two checkouts over the same variants cannot deadlock.
 */
export async function reserveStock(
  tx: Database,
  lines: { variantId: string; qty: number; title: string }[],
  ref: { reason: string; actorId: string; at: Date },
) {
  const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
  const sold = new Map<string, number>();
  const moves: (typeof inventoryMovements.$inferInsert)[] = [];
  for (const line of sorted) {
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} - ${line.qty}`, updatedAt: ref.at })
      .where(and(eq(productVariants.id, line.variantId), gte(productVariants.stock, line.qty)))
      .returning({
        stock: productVariants.stock,
        productId: productVariants.productId,
        sellerId: productVariants.sellerId,
      });
    if (!row) {
      const [v] = await tx
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(eq(productVariants.id, line.variantId));
      throw invalidState("checkout.out_of_stock", `${line.title}: only ${v?.stock ?? 0} left`, {
        variantId: line.variantId,
        available: v?.stock ?? 0,
      });
    }
    moves.push({
      variantId: line.variantId,
      productId: row.productId,
      sellerId: row.sellerId,
      actorId: ref.actorId,
      delta: -line.qty,
      reason: ref.reason,
      resultingStock: row.stock,
      createdAt: ref.at,
    });
    sold.set(row.productId, (sold.get(row.productId) ?? 0) + line.qty);
  }
  await tx.insert(inventoryMovements).values(moves);
  for (const productId of [...sold.keys()].sort())
    await refreshDerived(tx, productId, ref.at, sold.get(productId));
}

/** Puts a cancelled sub-order's units back on the shelf. */
export async function restockSubOrder(
  tx: Database,
  subOrderId: string,
  ref: { reason: string; actorId: string | null; at: Date },
) {
  const items = await tx
    .select({ variantId: orderItems.variantId, qty: orderItems.qty })
    .from(orderItems)
    .where(eq(orderItems.subOrderId, subOrderId));
  const sold = new Map<string, number>();
  const moves: (typeof inventoryMovements.$inferInsert)[] = [];
  for (const item of [...items].sort((a, b) => String(a.variantId).localeCompare(String(b.variantId)))) {
    if (!item.variantId) continue;
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${item.qty}`, updatedAt: ref.at })
      .where(eq(productVariants.id, item.variantId))
      .returning({
        stock: productVariants.stock,
        productId: productVariants.productId,
        sellerId: productVariants.sellerId,
      });
    if (!row) continue;
    moves.push({
      variantId: item.variantId,
      productId: row.productId,
      sellerId: row.sellerId,
      actorId: ref.actorId,
      delta: item.qty,
      reason: ref.reason,
      resultingStock: row.stock,
      createdAt: ref.at,
    });
    sold.set(row.productId, (sold.get(row.productId) ?? 0) - item.qty);
  }
  if (moves.length) await tx.insert(inventoryMovements).values(moves);
  for (const productId of [...sold.keys()].sort())
    await refreshDerived(tx, productId, ref.at, sold.get(productId));
}
