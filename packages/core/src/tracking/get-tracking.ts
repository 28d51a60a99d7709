import { orderEvents, orders, subOrders } from "@bazaar/db";
import { type TrackingDto, TrackingInput } from "@bazaar/schemas";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { readTrackingCode } from "./tracking-code";

/**
 * Public tracking by code: the status and its timeline, with no names, street addresses or
 * notes. A forged or altered code is refused exactly like an unknown one.
 */
export async function getTracking(
  deps: Pick<Deps, "db" | "auth">,
  raw: z.input<typeof TrackingInput>,
): Promise<TrackingDto> {
  const { code } = TrackingInput.parse(raw);
  const subOrderId = readTrackingCode(deps.auth.secret, code);
  if (!subOrderId) throw notFound("tracking.not_found", "No delivery matches this tracking code");
  const [row] = await deps.db
    .select({ sub: subOrders, address: orders.shippingAddress })
    .from(subOrders)
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .where(eq(subOrders.id, subOrderId));
  if (!row) throw notFound("tracking.not_found", "No delivery matches this tracking code");
  const events = await deps.db
    .select({ to: orderEvents.toStatus, at: orderEvents.createdAt })
    .from(orderEvents)
    // A return's steps are the buyer's business, not the delivery's.
    .where(and(eq(orderEvents.subOrderId, subOrderId), isNull(orderEvents.returnId)))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.seq));
  return {
    number: row.sub.number,
    status: row.sub.status,
    shopName: row.sub.seller.shopName,
    carrier: row.sub.carrier,
    trackingNumber: row.sub.trackingNumber,
    timeline: events.map((e) => ({ to: e.to as TrackingDto["status"], at: e.at })),
    destination: `${row.address.city}, ${row.address.state}`,
  };
}
