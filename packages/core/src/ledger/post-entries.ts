import { type Database, ledgerEntries, sellerBalances } from "@bazaar/db";
import type { LedgerBucket, LedgerEntryKind } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";

export type EntryDraft = {
  kind: LedgerEntryKind;
  bucket: LedgerBucket;
  /** Paise, signed. */
  amount: number;
  /** Unique across the ledger: the same key posts once, however often it is sent. */
  idempotencyKey: string;
  description: string;
  orderId?: string | null;
  subOrderId?: string | null;
  returnId?: string | null;
  payoutId?: string | null;
  actorId?: string | null;
};

export type Balance = typeof sellerBalances.$inferSelect;

/**
 * Locks the seller's balance row, creating it at zero first if it is their first entry.
 * Everything that moves a seller's money takes this lock, so two movements (two payout
 * requests, a release and a payout) run one after the other.
 */
export async function lockBalance(tx: Database, sellerId: string): Promise<Balance> {
  await tx.insert(sellerBalances).values({ sellerId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(sellerBalances)
    .where(eq(sellerBalances.sellerId, sellerId))
    .for("update");
  return row!;
}

const COLUMN: Record<LedgerBucket, "pending" | "available" | "inPayout" | "paidOut"> = {
  pending: "pending",
  available: "available",
  in_payout: "inPayout",
  paid_out: "paidOut",
};

/**
 * Appends entries for one seller and moves their balances by exactly the entries written,
 * in the caller's transaction. An entry whose key was written before is skipped (and so is
 * its share of the balance move): posting is idempotent. Returns the entries written now.
 * The database refuses a negative in-payout or paid-out balance.
 */
export async function postEntries(
  tx: Database,
  sellerId: string,
  entries: EntryDraft[],
  at: Date,
): Promise<(typeof ledgerEntries.$inferSelect)[]> {
  const rows = entries.filter((e) => e.amount !== 0);
  if (!rows.length) return [];
  await lockBalance(tx, sellerId);
  const written = await tx
    .insert(ledgerEntries)
    .values(rows.map((e) => ({ ...e, sellerId, createdAt: at })))
    .onConflictDoNothing({ target: ledgerEntries.idempotencyKey })
    .returning();
  if (!written.length) return [];
  const move = { pending: 0, available: 0, inPayout: 0, paidOut: 0 };
  let sales = 0;
  for (const e of written) {
    move[COLUMN[e.bucket]] += e.amount;
    if (e.kind === "sale") sales += e.amount;
  }
  await tx
    .update(sellerBalances)
    .set({
      pending: sql`${sellerBalances.pending} + ${move.pending}`,
      available: sql`${sellerBalances.available} + ${move.available}`,
      inPayout: sql`${sellerBalances.inPayout} + ${move.inPayout}`,
      paidOut: sql`${sellerBalances.paidOut} + ${move.paidOut}`,
      lifetimeSales: sql`${sellerBalances.lifetimeSales} + ${sales}`,
      updatedAt: at,
    })
    .where(eq(sellerBalances.sellerId, sellerId));
  return written;
}
