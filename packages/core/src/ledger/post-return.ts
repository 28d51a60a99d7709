import { type Database, ledgerEntries, subOrders } from "@bazaar/db";
import { and, eq, inArray } from "drizzle-orm";
import { shareBack } from "./amounts";
import { postEntries } from "./post-entries";

/**
 * Called by returns inside the transaction that books a return's refund (the caller holds
 * the sub-order's row lock): claws the refunded paise back from the seller and gives back
 * the matching share of commission and TCS (amounts.ts; the gateway keeps its fee). From
 * pending while the sub-order's money is not yet released, else from available, which may
 * go negative and is then carried into the next payout. Idempotent per return
 * (`return:<returnId>…`). A sub-order delivered before the ledger existed has no sale entry
 * and nothing to claw back.
 */
export async function postReturnClawback(
  tx: Database,
  input: { returnId: string; returnNumber: string; subOrderId: string; amount: number; at: Date },
): Promise<void> {
  if (input.amount <= 0) return;
  const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, input.subOrderId));
  if (!sub) return;
  const posted = await tx
    .select({
      key: ledgerEntries.idempotencyKey,
      kind: ledgerEntries.kind,
      amount: ledgerEntries.amount,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.subOrderId, sub.id),
        inArray(ledgerEntries.kind, ["sale", "commission", "tcs", "return"]),
      ),
    );
  if (!posted.some((e) => e.key === `sale:${sub.id}`)) return;
  if (posted.some((e) => e.key === `return:${input.returnId}`)) return;
  const sum = (pred: (e: (typeof posted)[number]) => boolean) =>
    posted.filter(pred).reduce((a, e) => a + e.amount, 0);
  const refundedBefore = -sum((e) => e.kind === "return");
  const refundedAfter = refundedBefore + input.amount;
  const back = (kind: "commission" | "tcs") =>
    shareBack(
      -sum((e) => e.key === `${kind}:${sub.id}`),
      sub.total,
      refundedAfter,
      sum((e) => e.kind === kind && e.key.startsWith("return:")),
    );
  const bucket = sub.fundsReleasedAt ? ("available" as const) : ("pending" as const);
  const ref = { orderId: sub.orderId, subOrderId: sub.id, returnId: input.returnId, bucket };
  await postEntries(
    tx,
    sub.sellerId,
    [
      {
        ...ref,
        kind: "return",
        amount: -input.amount,
        idempotencyKey: `return:${input.returnId}`,
        description: `Return ${input.returnNumber} of ${sub.number} refunded`,
      },
      {
        ...ref,
        kind: "commission",
        amount: back("commission"),
        idempotencyKey: `return:${input.returnId}:commission`,
        description: `Commission given back on return ${input.returnNumber}`,
      },
      {
        ...ref,
        kind: "tcs",
        amount: back("tcs"),
        idempotencyKey: `return:${input.returnId}:tcs`,
        description: `TCS given back on return ${input.returnNumber}`,
      },
    ],
    input.at,
  );
}
