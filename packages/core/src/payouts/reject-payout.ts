import { payouts } from "@bazaar/db";
import { type PayoutDto, PayoutRejectInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidState } from "../errors";
import { postEntries } from "../ledger";
import { dispatchEmails } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emailSeller, findPayout, payoutDto } from "./views";

/**
 * Admin: a requested or approved payout is refused with a reason; its amount goes back from
 * in payout to available, once (row lock and status), and the seller may ask again.
 */
export async function rejectPayout(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof PayoutRejectInput>,
): Promise<PayoutDto> {
  const input = PayoutRejectInput.parse(raw);
  const now = deps.now();
  const emails: string[] = [];
  await deps.db.transaction(async (tx) => {
    const p = await findPayout(tx, input.id, { lock: true });
    if (p.status !== "requested" && p.status !== "approved")
      throw invalidState("payout.not_open", `This payout is ${p.status} and can no longer be rejected`, {
        status: p.status,
      });
    await tx
      .update(payouts)
      .set({
        status: "rejected",
        rejectReason: input.reason,
        rejectedAt: now,
        decidedById: actor.userId,
        updatedAt: now,
      })
      .where(eq(payouts.id, p.id));
    const ref = { payoutId: p.id, kind: "payout_rejected" as const, actorId: actor.userId };
    const description = `Payout ${p.number} not approved: back to available`;
    await postEntries(
      tx,
      p.sellerId,
      [
        {
          ...ref,
          bucket: "in_payout",
          amount: -p.amount,
          idempotencyKey: `payout:${p.id}:rejected:in_payout`,
          description,
        },
        {
          ...ref,
          bucket: "available",
          amount: p.amount,
          idempotencyKey: `payout:${p.id}:rejected:available`,
          description,
        },
      ],
      now,
    );
    await audit(tx, {
      actorId: actor.userId,
      action: "payout.rejected",
      targetType: "payout",
      targetId: p.id,
      data: {
        before: { status: p.status },
        after: { status: "rejected" },
        amount: p.amount,
        reason: input.reason,
      },
    });
    const e = await emailSeller(deps, tx, p, "payout_rejected", { reason: input.reason });
    if (e) emails.push(e);
  });
  await dispatchEmails(deps, emails);
  return payoutDto(deps.db, input.id);
}
