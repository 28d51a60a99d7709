import { returns } from "@bazaar/db";
import { type ReturnDto, ReturnIdInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { getMyReturn } from "./get-my-return";
import { findReturn, ofCustomer } from "./queries";
import { recordReturnStep, releaseUnits, sellerUserId } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * The buyer withdraws a return the seller has not decided yet. Its units go back to the
 * lines, so the buyer may ask again while the window is open.
 */
export async function cancelReturn(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ReturnIdInput>,
): Promise<ReturnDto> {
  const { id } = ReturnIdInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, id, ofCustomer(actor.userId), true);
    assertReturnMove(ret.status, "cancelled", "customer");
    await tx.update(returns).set({ status: "cancelled", updatedAt: now }).where(eq(returns.id, ret.id));
    await releaseUnits(tx, ret.id);
    await recordReturnStep(tx, fx, {
      ret,
      to: "cancelled",
      actor: { kind: "customer", userId: actor.userId },
      at: now,
    });
    const seller = await sellerUserId(tx, ret.sellerId);
    if (seller) {
      await fx.email(tx, seller, "return_cancelled", {
        number: ret.number,
        url: `${deps.urls.seller}/returns/${ret.id}`,
      });
      fx.notified.push(await notify(tx, returnNotice(seller, "seller", ret, { type: "cancelled" })));
    }
  });
  await fx.release(deps);
  return getMyReturn(deps, actor, { id });
}
