import { randomUUID } from "node:crypto";
import { ledgerEntries, sellers } from "@bazaar/db";
import { LedgerAdjustInput, type LedgerEntryDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { postEntries } from "./post-entries";
import { selectEntries, toEntryDto } from "./views";

/**
 * Admin: credits or debits a seller's available balance, saying why (shown to the seller as
 * the entry's description), audited. A debit may take the balance below zero: it is carried
 * into the next payout. With a `requestKey`, a retried submit posts once and answers the
 * same entry.
 */
export async function adjustBalance(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof LedgerAdjustInput>,
): Promise<LedgerEntryDto> {
  const input = LedgerAdjustInput.parse(raw);
  const now = deps.now();
  const key = `adjustment:${input.sellerId}:${input.requestKey ?? randomUUID()}`;
  await deps.db.transaction(async (tx) => {
    const [shop] = await tx.select({ id: sellers.id }).from(sellers).where(eq(sellers.id, input.sellerId));
    if (!shop) throw notFound("seller.not_found", "Seller not found");
    const amount = input.direction === "credit" ? input.amount : -input.amount;
    const [entry] = await postEntries(
      tx,
      input.sellerId,
      [
        {
          kind: "adjustment",
          bucket: "available",
          amount,
          idempotencyKey: key,
          description: `Adjustment by Bazaar: ${input.reason}`,
          actorId: actor.userId,
        },
      ],
      now,
    );
    if (entry)
      await audit(tx, {
        actorId: actor.userId,
        action: "ledger.adjusted",
        targetType: "seller",
        targetId: input.sellerId,
        data: { entryId: entry.id, amount, reason: input.reason },
      });
  });
  const [row] = await selectEntries(deps.db, eq(ledgerEntries.idempotencyKey, key));
  return toEntryDto(row!);
}
