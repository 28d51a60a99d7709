import { type Database, ledgerEntries, payouts, sellerBalances, sellers, subOrders } from "@bazaar/db";
import { type SellerBalancesDto, SellerIdInput } from "@bazaar/schemas";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { readFinanceSettings } from "./finance-settings";

/** A seller's balances, what they may withdraw now, and the next 50 releases (soonest first). */
export async function balancesOf(db: Database, sellerId: string): Promise<SellerBalancesDto> {
  const [row] = await db.select().from(sellerBalances).where(eq(sellerBalances.sellerId, sellerId));
  const { minPayout } = await readFinanceSettings(db);
  const [open] = await db
    .select({ id: payouts.id })
    .from(payouts)
    .where(and(eq(payouts.sellerId, sellerId), inArray(payouts.status, ["requested", "approved"])));
  const waiting = await db
    .select({
      subOrderId: subOrders.id,
      subOrderNumber: subOrders.number,
      deliveredAt: subOrders.deliveredAt,
      releaseAt: subOrders.fundsReleaseAt,
    })
    .from(subOrders)
    .where(
      and(
        eq(subOrders.sellerId, sellerId),
        isNotNull(subOrders.fundsReleaseAt),
        isNull(subOrders.fundsReleasedAt),
      ),
    )
    .orderBy(asc(subOrders.fundsReleaseAt), asc(subOrders.id))
    .limit(50);
  const held = waiting.length
    ? await db
        .select({ subOrderId: ledgerEntries.subOrderId, sum: sql<number>`sum(${ledgerEntries.amount})::int` })
        .from(ledgerEntries)
        .where(
          and(
            inArray(
              ledgerEntries.subOrderId,
              waiting.map((w) => w.subOrderId),
            ),
            eq(ledgerEntries.bucket, "pending"),
          ),
        )
        .groupBy(ledgerEntries.subOrderId)
    : [];
  const b = row ?? { pending: 0, available: 0, inPayout: 0, paidOut: 0, lifetimeSales: 0 };
  return {
    sellerId,
    pending: b.pending,
    available: b.available,
    inPayout: b.inPayout,
    paidOut: b.paidOut,
    lifetimeSales: b.lifetimeSales,
    minPayout,
    withdrawable: !open && b.available >= minPayout ? b.available : 0,
    openPayoutId: open?.id ?? null,
    releases: waiting.map((w) => ({
      ...w,
      amount: held.find((h) => h.subOrderId === w.subOrderId)?.sum ?? 0,
      releaseAt: w.releaseAt!,
    })),
  };
}

/** The seller's own balances and pending-until dates. */
export async function getMyBalances(deps: Pick<Deps, "db">, actor: SellerActor): Promise<SellerBalancesDto> {
  return balancesOf(deps.db, actor.sellerId);
}

/** Admin: any seller's balances. */
export async function adminGetBalances(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof SellerIdInput>,
): Promise<SellerBalancesDto> {
  const { sellerId } = SellerIdInput.parse(raw);
  const [shop] = await deps.db.select({ id: sellers.id }).from(sellers).where(eq(sellers.id, sellerId));
  if (!shop) throw notFound("seller.not_found", "Seller not found");
  return balancesOf(deps.db, sellerId);
}
