import { type Database, ledgerEntries, payouts, subOrders } from "@bazaar/db";
import type { LedgerEntryDto } from "@bazaar/schemas";
import { eq, type SQL } from "drizzle-orm";

/** Entries with the numbers of what they are about, as every read shows them. */
export function selectEntries(db: Database, where: SQL | undefined) {
  return db
    .select({
      id: ledgerEntries.id,
      kind: ledgerEntries.kind,
      bucket: ledgerEntries.bucket,
      amount: ledgerEntries.amount,
      description: ledgerEntries.description,
      orderId: ledgerEntries.orderId,
      subOrderId: ledgerEntries.subOrderId,
      subOrderNumber: subOrders.number,
      returnId: ledgerEntries.returnId,
      payoutId: ledgerEntries.payoutId,
      payoutNumber: payouts.number,
      createdAt: ledgerEntries.createdAt,
      seq: ledgerEntries.seq,
    })
    .from(ledgerEntries)
    .leftJoin(subOrders, eq(subOrders.id, ledgerEntries.subOrderId))
    .leftJoin(payouts, eq(payouts.id, ledgerEntries.payoutId))
    .where(where);
}

export type EntryRow = Awaited<ReturnType<typeof selectEntries>>[number];

export const toEntryDto = ({ seq: _seq, ...row }: EntryRow): LedgerEntryDto => ({
  ...row,
  subOrderNumber: row.subOrderNumber ?? null,
  payoutNumber: row.payoutNumber ?? null,
});
