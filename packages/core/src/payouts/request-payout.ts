import { randomBytes } from "node:crypto";
import { payouts, sellers } from "@bazaar/db";
import { type PayoutDto, PayoutRequestInput } from "@bazaar/schemas";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { conflict, invalidField, invalidState } from "../errors";
import { lockBalance, postEntries, readFinanceSettings } from "../ledger";
import { dispatchEmails } from "../notifications";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { isUniqueViolation } from "../platform/text";
import { emailSeller, payoutDto } from "./views";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** `PO-20261207-7K3M9Q`: the day in India time and six characters no one misreads. */
export function payoutNumber(at: Date): string {
  const day = new Date(at.getTime() + 330 * 60_000).toISOString().slice(0, 10).replaceAll("-", "");
  const tail = [...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `PO-${day}-${tail}`;
}

/**
 * The seller asks for `amount` of their available balance, at least the platform minimum,
 * while no other request of theirs is open. The money moves from available to in payout in
 * the same transaction, under the balance row's lock, so concurrent requests run one after
 * the other and can never overdraw (the second sees the first's request, or the lower
 * balance); a partial unique index backs the one-open-request rule. The bank details are
 * frozen on the request (holder, IFSC, last four digits).
 */
export async function requestPayout(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof PayoutRequestInput>,
): Promise<PayoutDto> {
  const input = PayoutRequestInput.parse(raw);
  const now = deps.now();
  const emails: string[] = [];
  const id = await deps.db
    .transaction(async (tx) => {
      const { minPayout } = await readFinanceSettings(tx);
      if (input.amount < minPayout)
        throw invalidField("amount", "payout.below_minimum", `The smallest payout is ₹${minPayout / 100}`, {
          minPayout,
        });
      const balance = await lockBalance(tx, actor.sellerId);
      const [open] = await tx
        .select({ id: payouts.id, number: payouts.number })
        .from(payouts)
        .where(and(eq(payouts.sellerId, actor.sellerId), inArray(payouts.status, ["requested", "approved"])));
      if (open)
        throw invalidState(
          "payout.open_exists",
          `Payout ${open.number} is still open: ask again once it is paid or rejected`,
          { payoutId: open.id },
        );
      if (input.amount > balance.available)
        throw invalidState(
          "payout.insufficient_balance",
          `You can withdraw up to ₹${(Math.max(0, balance.available) / 100).toFixed(2)}`,
          { available: balance.available, fieldErrors: { amount: ["More than your available balance"] } },
        );
      const [shop] = await tx
        .select({
          holder: sellers.bankAccountHolder,
          ifsc: sellers.bankIfsc,
          last4: sellers.bankAccountLast4,
        })
        .from(sellers)
        .where(eq(sellers.id, actor.sellerId));
      const [p] = await tx
        .insert(payouts)
        .values({
          number: payoutNumber(now),
          sellerId: actor.sellerId,
          amount: input.amount,
          bank: shop!,
          requestedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const ref = { payoutId: p!.id, kind: "payout" as const, actorId: actor.userId };
      const description = `Payout ${p!.number} requested`;
      await postEntries(
        tx,
        actor.sellerId,
        [
          {
            ...ref,
            bucket: "available",
            amount: -p!.amount,
            idempotencyKey: `payout:${p!.id}:available`,
            description,
          },
          {
            ...ref,
            bucket: "in_payout",
            amount: p!.amount,
            idempotencyKey: `payout:${p!.id}:in_payout`,
            description,
          },
        ],
        now,
      );
      await audit(tx, {
        actorId: actor.userId,
        action: "payout.requested",
        targetType: "payout",
        targetId: p!.id,
        data: { sellerId: actor.sellerId, amount: p!.amount, number: p!.number },
      });
      const e = await emailSeller(deps, tx, p!, "payout_requested");
      if (e) emails.push(e);
      return p!.id;
    })
    .catch((err: unknown) => {
      // The lock makes this unreachable in practice; the index is the last word.
      if (isUniqueViolation(err, "payouts_one_open_key"))
        throw conflict("payout.open_exists", "Another payout request is still open");
      throw err;
    });
  await dispatchEmails(deps, emails);
  return payoutDto(deps.db, id);
}
