import { returns } from "@bazaar/db";
import { ESCALATION_WINDOW_HOURS, type ReturnDto, ReturnEscalateInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidState } from "../errors";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { getMyReturn } from "./get-my-return";
import { escalateUntil, findReturn, ofCustomer } from "./queries";
import { retakeAndReprice } from "./reprice";
import { recordReturnStep, sellerUserId } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * A buyer whose return was rejected asks Bazaar to decide, within 48 hours of the
 * rejection and once: a rejection an admin confirms is final.
 */
export async function escalateReturn(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ReturnEscalateInput>,
): Promise<ReturnDto> {
  const input = ReturnEscalateInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, input.id, ofCustomer(actor.userId), true);
    assertReturnMove(ret.status, "escalated", "customer");
    if (ret.escalatedAt)
      throw invalidState(
        "return.already_escalated",
        "Bazaar has already decided this return; the decision is final",
      );
    const until = escalateUntil(ret)!;
    if (now >= until)
      throw invalidState(
        "return.escalation_closed",
        `A rejection can be escalated within ${ESCALATION_WINDOW_HOURS} hours; that time has passed`,
        { escalateUntil: until },
      );
    await retakeAndReprice(tx, ret);
    await tx
      .update(returns)
      .set({ status: "escalated", escalatedAt: now, escalationNote: input.note, updatedAt: now })
      .where(eq(returns.id, ret.id));
    await recordReturnStep(tx, fx, {
      ret,
      to: "escalated",
      actor: { kind: "customer", userId: actor.userId },
      note: input.note,
      at: now,
    });
    const seller = await sellerUserId(tx, ret.sellerId);
    if (seller) {
      await fx.email(tx, seller, "return_escalated", {
        number: ret.number,
        note: input.note,
        url: `${deps.urls.seller}/returns/${ret.id}`,
      });
      fx.notified.push(
        await notify(tx, returnNotice(seller, "seller", ret, { type: "escalated", note: input.note })),
      );
    }
  });
  await fx.release(deps);
  return getMyReturn(deps, actor, { id: input.id });
}
