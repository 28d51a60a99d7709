import { orders, subOrders } from "@bazaar/db";
import {
  AdvanceSubOrderInput,
  type Page,
  SellerOrdersListInput,
  type SellerSubOrderDto,
} from "@bazaar/schemas";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { cancelSubOrders } from "./cancel-sub-orders";
import { Effects, recordTransition } from "./effects";
import { loadSubOrders, type SubOrderRow } from "./queries";
import { assertMove, nextStatuses } from "./transitions";

async function toSellerDtos(deps: Deps, rows: SubOrderRow[]): Promise<SellerSubOrderDto[]> {
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

/** The seller's own sub-orders, newest first; "placed" online orders are not theirs to act on yet. */
export async function listSellerOrders(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof SellerOrdersListInput>,
): Promise<Page<SellerSubOrderDto>> {
  const input = SellerOrdersListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select()
    .from(subOrders)
    .where(
      and(
        eq(subOrders.sellerId, actor.sellerId),
        input.status ? eq(subOrders.status, input.status) : undefined,
        cursor
          ? sql`(${subOrders.createdAt}, ${subOrders.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(subOrders.createdAt), desc(subOrders.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await toSellerDtos(deps, p.items), nextCursor: p.nextCursor };
}

async function findOwn(db: Deps["db"], actor: SellerActor, subOrderId: string, lock = false) {
  const q = db
    .select()
    .from(subOrders)
    .where(and(eq(subOrders.id, subOrderId), eq(subOrders.sellerId, actor.sellerId)));
  const [row] = lock ? await q.for("update") : await q;
  // Another seller's sub-order is indistinguishable from a missing one.
  if (!row) throw notFound("order.not_found", "Order not found");
  return row;
}

export async function getSellerOrder(
  deps: Deps,
  actor: SellerActor,
  raw: { subOrderId: string },
): Promise<SellerSubOrderDto> {
  const row = await findOwn(deps.db, actor, raw.subOrderId);
  return (await toSellerDtos(deps, [row]))[0]!;
}

/**
 * The seller moves their sub-order one step: confirmed → packed → shipped (carrier and
 * tracking number) → out for delivery → delivered, or cancels it with a reason before it
 * ships. Each step is checked against the state machine and written to the timeline; the
 * buyer is emailed and both sides get the live update.
 */
export async function advanceSubOrder(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof AdvanceSubOrderInput>,
): Promise<SellerSubOrderDto> {
  const input = AdvanceSubOrderInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const own = await findOwn(tx, actor, input.subOrderId);
    const [order] = await tx.select().from(orders).where(eq(orders.id, own.orderId)).for("update");
    const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, own.id)).for("update");
    assertMove(sub!.status, input.to, "seller");
    if (input.to === "cancelled") {
      await cancelSubOrders(deps, tx, fx, {
        order: order!,
        subOrders: [sub!],
        actor: { kind: "seller", userId: actor.userId },
        reason: input.note ?? null,
        now,
      });
      return;
    }
    await tx
      .update(subOrders)
      .set({
        status: input.to,
        ...(input.to === "shipped" && { carrier: input.carrier, trackingNumber: input.trackingNumber }),
        ...(input.to === "delivered" && { deliveredAt: now }),
        updatedAt: now,
      })
      .where(eq(subOrders.id, sub!.id));
    await recordTransition(tx, fx, {
      order: order!,
      subOrder: sub!,
      from: sub!.status,
      to: input.to,
      actor: { kind: "seller", userId: actor.userId },
      note: input.note ?? null,
      at: now,
    });
    if (input.to === "delivered" && order!.paymentMethod === "cod") {
      const left = await tx
        .select({ status: subOrders.status })
        .from(subOrders)
        .where(eq(subOrders.orderId, order!.id));
      if (left.every((s) => s.status === "delivered" || s.status === "cancelled"))
        await tx
          .update(orders)
          .set({ paymentStatus: "cod_collected", updatedAt: now })
          .where(eq(orders.id, order!.id));
    }
    await fx.email(tx, order!.customerId, "order_status", {
      number: order!.number,
      shopName: sub!.seller.shopName,
      status: input.to,
      carrier: input.to === "shipped" ? input.carrier : "",
      trackingNumber: input.to === "shipped" ? input.trackingNumber : "",
      url: `${deps.urls.customer}/orders/${order!.id}`,
    });
  });
  await fx.release(deps);
  return getSellerOrder(deps, actor, { subOrderId: input.subOrderId });
}
