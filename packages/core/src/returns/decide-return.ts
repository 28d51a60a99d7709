import { returns } from "@bazaar/db";
import { AdminReturnDecideInput, type AdminReturnDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { toAdminReturnDto } from "./admin-views";
import { findReturn } from "./queries";
import { recordReturnStep, releaseUnits, sellerUserId } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * Admin: decides an escalated return either way, overriding the seller. Approved, it goes
 * on like any approved return; rejected, it is final (it cannot be escalated again) and its
 * units go back to the lines. Audited; the buyer and the seller are told.
 */
export async function decideReturn(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof AdminReturnDecideInput>,
): Promise<AdminReturnDto> {
  const input = AdminReturnDecideInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  const to = input.decision === "approve" ? "approved" : "rejected";
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, input.id, undefined, true);
    assertReturnMove(ret.status, to, "admin");
    await tx
      .update(returns)
      .set({
        status: to,
        decisionNote: input.note,
        decidedAt: now,
        ...(to === "rejected" && { rejectedAt: now }),
        updatedAt: now,
      })
      .where(eq(returns.id, ret.id));
    if (to === "rejected") await releaseUnits(tx, ret.id);
    await recordReturnStep(tx, fx, {
      ret,
      to,
      actor: { kind: "admin", userId: actor.userId },
      note: input.note,
      at: now,
    });
    await audit(tx, {
      actorId: actor.userId,
      action: `return.${to}_on_escalation`,
      targetType: "return",
      targetId: ret.id,
      before: { status: ret.status },
      after: { status: to },
      data: { note: input.note, sellerRejectReason: ret.rejectReason },
    });
    const payload = { number: ret.number, decision: to, note: input.note };
    await fx.email(tx, ret.customerId, "return_decided", {
      ...payload,
      url: `${deps.urls.customer}/returns/${ret.id}`,
    });
    const seller = await sellerUserId(tx, ret.sellerId);
    if (seller)
      await fx.email(tx, seller, "return_decided", {
        ...payload,
        url: `${deps.urls.seller}/returns/${ret.id}`,
      });
    const decided = { type: "decided" as const, decision: String(to), note: input.note };
    fx.notified.push(
      await notify(tx, [
        returnNotice(ret.customerId, "customer", ret, decided),
        ...(seller ? [returnNotice(seller, "seller", ret, decided)] : []),
      ]),
    );
    await emitWebhookEvent(
      tx,
      returnWebhookEvent(to === "approved" ? "return.approved" : "return.rejected", ret, {
        decidedBy: "admin",
        note: input.note,
      }),
    );
  });
  await fx.release(deps);
  return toAdminReturnDto(deps, await findReturn(deps.db, input.id), deps.now());
}
