import { ledgerEntries, subOrders } from "@bazaar/db";
import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { postEntries } from "./post-entries";

/**
 * Job: a delivered sub-order's return window has closed, so what is still pending for it
 * (its sale less deductions and clawbacks so far) becomes available: a pair of entries,
 * pending −X and available +X. Once: `funds_released_at` is set under the sub-order's row
 * lock, which a return's clawback also takes, so a clawback lands wholly before (from
 * pending) or wholly after (from available). Early or repeated calls do nothing.
 * Returns whether this call released it.
 */
export async function releaseFunds(deps: Pick<Deps, "db" | "now">, subOrderId: string): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, subOrderId)).for("update");
    if (!sub?.fundsReleaseAt || sub.fundsReleasedAt || sub.fundsReleaseAt > now) return false;
    const [held] = await tx
      .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)::int` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.subOrderId, sub.id), eq(ledgerEntries.bucket, "pending")));
    const amount = held!.sum;
    const ref = { orderId: sub.orderId, subOrderId: sub.id, kind: "release" as const };
    const description = `Return window of ${sub.number} closed: funds available`;
    await postEntries(
      tx,
      sub.sellerId,
      [
        {
          ...ref,
          bucket: "pending",
          amount: -amount,
          idempotencyKey: `release:${sub.id}:pending`,
          description,
        },
        { ...ref, bucket: "available", amount, idempotencyKey: `release:${sub.id}:available`, description },
      ],
      now,
    );
    await tx.update(subOrders).set({ fundsReleasedAt: now }).where(eq(subOrders.id, sub.id));
    return true;
  });
}

/**
 * Sweep: releases sub-orders whose window closed longer than the sweep's grace ago and whose
 * job was lost (a restart, Redis away). Up to 500 a run, oldest first. Returns how many.
 */
export async function releaseDueFunds(deps: Pick<Deps, "db" | "now" | "sweepGraceMs">): Promise<number> {
  const due = await deps.db
    .select({ id: subOrders.id })
    .from(subOrders)
    .where(
      and(
        isNotNull(subOrders.fundsReleaseAt),
        isNull(subOrders.fundsReleasedAt),
        lte(subOrders.fundsReleaseAt, new Date(deps.now().getTime() - deps.sweepGraceMs)),
      ),
    )
    .orderBy(asc(subOrders.fundsReleaseAt))
    .limit(500);
  let released = 0;
  for (const { id } of due) if (await releaseFunds(deps, id)) released++;
  return released;
}
