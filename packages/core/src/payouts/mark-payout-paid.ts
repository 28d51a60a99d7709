import { payouts } from "@bazaar/db";
import { type PayoutDto, PayoutMarkPaidInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidState } from "../errors";
import { postEntries } from "../ledger";
import {
  dispatchEmails,
  type Notified,
  notify,
  payoutPaidNotice,
  publishNotified,
  shopOwners,
} from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { emitWebhookEvent, payoutWebhookEvent } from "../webhooks";
import { emailSeller, findPayout, payoutDto } from "./views";

/**
 * Admin: the bank transfer of an approved payout went out with this UTR. The money moves from
 * in payout to paid out, once: the payout's row lock and status make a second call a no-op
 * when it names the same UTR (a retried click) and an error when it names another.
 */
export async function markPayoutPaid(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof PayoutMarkPaidInput>,
): Promise<PayoutDto> {
  const input = PayoutMarkPaidInput.parse(raw);
  const now = deps.now();
  const emails: string[] = [];
  const notified: Notified[] = [];
  await deps.db.transaction(async (tx) => {
    const p = await findPayout(tx, input.id, { lock: true });
    if (p.status === "paid" && p.utr === input.utr) return;
    if (p.status !== "approved")
      throw invalidState(
        p.status === "requested" ? "payout.not_approved" : "payout.not_payable",
        p.status === "requested"
          ? "Approve this payout before marking it paid"
          : `This payout is ${p.status}`,
        { status: p.status },
      );
    await tx
      .update(payouts)
      .set({ status: "paid", utr: input.utr, paidAt: now, decidedById: actor.userId, updatedAt: now })
      .where(eq(payouts.id, p.id));
    const ref = { payoutId: p.id, kind: "payout_paid" as const, actorId: actor.userId };
    const description = `Payout ${p.number} paid to the bank, UTR ${input.utr}`;
    await postEntries(
      tx,
      p.sellerId,
      [
        {
          ...ref,
          bucket: "in_payout",
          amount: -p.amount,
          idempotencyKey: `payout:${p.id}:paid:in_payout`,
          description,
        },
        {
          ...ref,
          bucket: "paid_out",
          amount: p.amount,
          idempotencyKey: `payout:${p.id}:paid:paid_out`,
          description,
        },
      ],
      now,
    );
    await audit(tx, {
      actorId: actor.userId,
      action: "payout.paid",
      targetType: "payout",
      targetId: p.id,
      data: { before: { status: p.status }, after: { status: "paid", utr: input.utr }, amount: p.amount },
    });
    const e = await emailSeller(deps, tx, p, "payout_paid", { utr: input.utr });
    if (e) emails.push(e);
    const owner = (await shopOwners(tx, [p.sellerId])).get(p.sellerId);
    if (owner) notified.push(await notify(tx, payoutPaidNotice(owner, p, input.utr)));
    await emitWebhookEvent(tx, payoutWebhookEvent(p, input.utr));
  });
  await dispatchEmails(deps, emails);
  await publishNotified(deps, ...notified);
  return payoutDto(deps.db, input.id);
}
