import { payouts } from "@bazaar/db";
import { type PayoutDto, PayoutIdInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidState } from "../errors";
import { dispatchEmails } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emailSeller, findPayout, payoutDto } from "./views";

/** Admin: a requested payout is approved for the next bank transfer (the money stays in payout). */
export async function approvePayout(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof PayoutIdInput>,
): Promise<PayoutDto> {
  const input = PayoutIdInput.parse(raw);
  const now = deps.now();
  const emails: string[] = [];
  await deps.db.transaction(async (tx) => {
    const p = await findPayout(tx, input.id, { lock: true });
    if (p.status !== "requested")
      throw invalidState("payout.not_requested", `This payout is ${p.status}, not waiting for approval`, {
        status: p.status,
      });
    await tx
      .update(payouts)
      .set({ status: "approved", approvedAt: now, decidedById: actor.userId, updatedAt: now })
      .where(eq(payouts.id, p.id));
    await audit(tx, {
      actorId: actor.userId,
      action: "payout.approved",
      targetType: "payout",
      targetId: p.id,
      data: { before: { status: p.status }, after: { status: "approved" }, amount: p.amount },
    });
    const e = await emailSeller(deps, tx, p, "payout_approved");
    if (e) emails.push(e);
  });
  await dispatchEmails(deps, emails);
  return payoutDto(deps.db, input.id);
}
