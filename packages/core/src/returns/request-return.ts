import { randomInt } from "node:crypto";
import { media, orderItems, orders, returnLines, returns, subOrders } from "@bazaar/db";
import { type ReturnDto, ReturnRequestInput } from "@bazaar/schemas";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidField, invalidState, notFound } from "../errors";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { returnableUntil, returnWindowsOf } from "../sellers";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { getMyReturn } from "./get-my-return";
import { lockSubOrderItems, priceLines } from "./pricing";
import { refundAccountColumns } from "./refund-account";
import { recordReturnStep, sellerUserId } from "./steps";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** RT-YYMMDD-XXXXXX, like order numbers: readable over the phone. */
export function returnNumber(at: Date): string {
  const d = at.toISOString();
  const tail = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `RT-${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${tail}`;
}

/**
 * The buyer asks to send back units of one delivered sub-order, within the shop's window
 * after delivery. The sub-order and all its lines are locked, the units are taken with a
 * conditional update (never more than bought minus those already in live returns, so two
 * requests for the last unit give one return), and the refund is priced now: what was paid
 * for those units, plus shipping when the whole sub-order comes back for the seller's fault.
 * A cash-on-delivery buyer says where the money should go; it is stored encrypted.
 */
export async function requestReturn(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ReturnRequestInput>,
): Promise<ReturnDto> {
  const input = ReturnRequestInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  const id = await deps.db.transaction(async (tx) => {
    const [own] = await tx
      .select({ sub: subOrders, order: orders })
      .from(subOrders)
      .innerJoin(orders, eq(orders.id, subOrders.orderId))
      .where(and(eq(subOrders.id, input.subOrderId), eq(orders.customerId, actor.userId)));
    if (!own) throw notFound("order.not_found", "Order not found");
    const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, own.sub.id)).for("update");
    const order = own.order;
    if (sub!.status !== "delivered" || !sub!.deliveredAt)
      throw invalidState("return.not_delivered", "Only delivered items can be returned", {
        status: sub!.status,
      });
    const days = (await returnWindowsOf(tx, [sub!.sellerId])).get(sub!.sellerId) ?? 0;
    const until = returnableUntil(sub!.deliveredAt, days);
    if (!until) throw invalidState("return.not_returnable", `${sub!.seller.shopName} does not take returns`);
    if (now >= until)
      throw invalidState("return.window_closed", `The return window closed on ${until.toISOString()}`, {
        returnableUntil: until,
      });

    const items = await lockSubOrderItems(tx, sub!.id);
    input.lines.forEach((l, i) => {
      const item = items.find((x) => x.id === l.orderItemId);
      if (!item)
        throw invalidField(
          `lines.${i}.orderItemId`,
          "return.item_not_found",
          "This item is not in this order",
        );
      const left = item.qty - item.returnedQty;
      if (l.qty > left)
        throw invalidField(
          `lines.${i}.qty`,
          "return.too_many_units",
          left === 0
            ? `${item.title}: every unit is already returned`
            : `${item.title}: at most ${left} more can be returned`,
          { orderItemId: item.id, available: left },
        );
    });
    const cod = order.paymentMethod === "cod";
    if (cod && !input.refundAccount)
      throw invalidField(
        "refundAccount",
        "return.refund_account_required",
        "Cash-on-delivery refunds are paid to a UPI id or bank account: give one",
      );
    const photoIds = input.photoIds ?? [];
    if (photoIds.length) {
      const mine = await tx
        .select({ id: media.id })
        .from(media)
        .where(and(inArray(media.id, photoIds), eq(media.ownerId, actor.userId)));
      const missing = photoIds.find((p) => !mine.some((m) => m.id === p));
      if (missing)
        throw invalidField("photoIds", "return.photo_not_found", "A photo was not found among your uploads", {
          mediaId: missing,
        });
    }

    const price = await priceLines(tx, {
      subOrderId: sub!.id,
      shipping: sub!.shipping,
      items,
      lines: input.lines,
    });
    for (const l of [...input.lines].sort((a, b) => (a.orderItemId < b.orderItemId ? -1 : 1))) {
      const [taken] = await tx
        .update(orderItems)
        .set({ returnedQty: sql`${orderItems.returnedQty} + ${l.qty}` })
        .where(
          and(
            eq(orderItems.id, l.orderItemId),
            sql`${orderItems.returnedQty} + ${l.qty} <= ${orderItems.qty}`,
          ),
        )
        .returning({ id: orderItems.id });
      // Unreachable while the lines are locked above; kept so the rule holds on its own.
      if (!taken) throw invalidState("return.too_many_units", "These units are already being returned");
    }
    const [ret] = await tx
      .insert(returns)
      .values({
        number: returnNumber(now),
        orderId: order.id,
        subOrderId: sub!.id,
        sellerId: sub!.sellerId,
        customerId: actor.userId,
        comment: input.comment || null,
        photoIds,
        itemsAmount: price.itemsAmount,
        shippingAmount: price.shippingAmount,
        refundMethod: cod ? "manual" : "original",
        ...(cod && input.refundAccount && refundAccountColumns(deps, input.refundAccount)),
        requestedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(returnLines).values(
      input.lines.map((l) => ({
        returnId: ret!.id,
        orderItemId: l.orderItemId,
        qty: l.qty,
        reason: l.reason,
        amount: price.amounts.get(l.orderItemId)!,
      })),
    );
    await recordReturnStep(tx, fx, {
      ret: ret!,
      to: "requested",
      actor: { kind: "customer", userId: actor.userId },
      note: input.comment || null,
      at: now,
    });
    const seller = await sellerUserId(tx, sub!.sellerId);
    if (seller) {
      const units = input.lines.reduce((a, l) => a + l.qty, 0);
      await fx.email(tx, seller, "return_requested", {
        number: ret!.number,
        orderNumber: sub!.number,
        units,
        reasons: [...new Set(input.lines.map((l) => l.reason))].join(", "),
        url: `${deps.urls.seller}/returns/${ret!.id}`,
      });
      fx.notified.push(
        await notify(
          tx,
          returnNotice(seller, "seller", ret!, { type: "requested", orderNumber: sub!.number, units }),
        ),
      );
      await emitWebhookEvent(tx, returnWebhookEvent("return.requested", ret!, { units }));
    }
    return ret!.id;
  });
  await fx.release(deps);
  return getMyReturn(deps, actor, { id });
}
