import { type Database, payouts, sellers, users } from "@bazaar/db";
import type { PayoutDto } from "@bazaar/schemas";
import { and, eq, type SQL } from "drizzle-orm";
import { notFound } from "../errors";
import { queueEmail, type TemplateName } from "../notifications";
import type { Deps } from "../platform/deps";
import { maskBankAccount } from "../sellers";

export type PayoutRow = typeof payouts.$inferSelect;

export const toPayoutDto = (p: PayoutRow, shopName: string): PayoutDto => ({
  id: p.id,
  number: p.number,
  sellerId: p.sellerId,
  shopName,
  amount: p.amount,
  status: p.status,
  bank: { holder: p.bank.holder, ifsc: p.bank.ifsc, accountMasked: maskBankAccount(p.bank.last4) },
  utr: p.utr,
  rejectReason: p.rejectReason,
  requestedAt: p.requestedAt,
  approvedAt: p.approvedAt,
  paidAt: p.paidAt,
  rejectedAt: p.rejectedAt,
  createdAt: p.createdAt,
});

export function selectPayouts(db: Database, where: SQL | undefined) {
  return db
    .select({ payout: payouts, shopName: sellers.shopName })
    .from(payouts)
    .innerJoin(sellers, eq(sellers.id, payouts.sellerId))
    .where(where);
}

/**
 * One payout; with `sellerId` only that seller's (another's is "not found", never "forbidden":
 * a seller learns nothing of other shops' payouts). `lock` takes its row lock.
 */
export async function findPayout(db: Database, id: string, opts: { sellerId?: string; lock?: boolean } = {}) {
  const where = and(eq(payouts.id, id), opts.sellerId ? eq(payouts.sellerId, opts.sellerId) : undefined);
  const [row] = opts.lock
    ? await db.select().from(payouts).where(where).for("update")
    : await db.select().from(payouts).where(where);
  if (!row) throw notFound("payout.not_found", "Payout not found");
  return row;
}

export async function payoutDto(db: Database, id: string): Promise<PayoutDto> {
  const [row] = await selectPayouts(db, eq(payouts.id, id));
  if (!row) throw notFound("payout.not_found", "Payout not found");
  return toPayoutDto(row.payout, row.shopName);
}

/** Writes an email about a payout to the shop's owner into the outbox; returns its id. */
export async function emailSeller(
  deps: Pick<Deps, "urls">,
  tx: Database,
  p: PayoutRow,
  template: TemplateName,
  extra: Record<string, unknown> = {},
): Promise<string | null> {
  const [owner] = await tx
    .select({ email: users.email, name: users.name })
    .from(sellers)
    .innerJoin(users, eq(users.id, sellers.userId))
    .where(eq(sellers.id, p.sellerId));
  if (!owner) return null;
  return queueEmail(tx, {
    to: owner.email,
    template,
    payload: {
      name: owner.name,
      number: p.number,
      amount: p.amount,
      last4: p.bank.last4,
      url: `${deps.urls.seller}/payouts`,
      ...extra,
    },
  });
}
