import { type Database, ledgerEntries, sellers } from "@bazaar/db";
import {
  AdminStatementInput,
  type LedgerEntryKind,
  type StatementDto,
  StatementInput,
  type StatementLineDto,
} from "@bazaar/schemas";
import { and, asc, eq, gte, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { selectEntries } from "./views";

const IST_OFFSET_MS = 5.5 * 3_600_000;
/** The buckets whose sum is what Bazaar holds for the seller; paid out is gone to the bank. */
const HELD = ["pending", "available", "in_payout"] as const;
/** Moves between held buckets: each writes a pair that nets to zero, so they are no lines. */
const INTERNAL: LedgerEntryKind[] = ["release", "payout", "payout_rejected"];

/** The first instant of `YYYY-MM` in India time, and of the next month. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - IST_OFFSET_MS),
    to: new Date(Date.UTC(y, m, 1) - IST_OFFSET_MS),
  };
}

/**
 * One month of a seller's money (see StatementDto): the opening balance is every held entry
 * before the month, the lines are the month's held entries but internal moves, and the
 * closing buckets are summed apart from the lines, so the statement proves itself:
 * opening + credits − debits = closing = pending + available + in payout at the month's end.
 */
export async function buildStatement(db: Database, sellerId: string, month: string): Promise<StatementDto> {
  const [shop] = await db
    .select({ shopName: sellers.shopName })
    .from(sellers)
    .where(eq(sellers.id, sellerId));
  if (!shop) throw notFound("seller.not_found", "Seller not found");
  const { from, to } = monthBounds(month);
  const ofSeller = eq(ledgerEntries.sellerId, sellerId);
  const [opening] = await db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)::int` })
    .from(ledgerEntries)
    .where(and(ofSeller, inArray(ledgerEntries.bucket, [...HELD]), lt(ledgerEntries.createdAt, from)));
  const buckets = await db
    .select({
      bucket: ledgerEntries.bucket,
      sum: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)::int`,
    })
    .from(ledgerEntries)
    .where(and(ofSeller, lt(ledgerEntries.createdAt, to)))
    .groupBy(ledgerEntries.bucket);
  const rows = await selectEntries(
    db,
    and(
      ofSeller,
      inArray(ledgerEntries.bucket, [...HELD]),
      notInArray(ledgerEntries.kind, INTERNAL),
      gte(ledgerEntries.createdAt, from),
      lt(ledgerEntries.createdAt, to),
    ),
  ).orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.seq));

  let balance = opening!.sum;
  const byKind = new Map<LedgerEntryKind, { credits: number; debits: number }>();
  const lines: StatementLineDto[] = rows.map((r) => {
    balance += r.amount;
    const k = byKind.get(r.kind) ?? { credits: 0, debits: 0 };
    if (r.amount > 0) k.credits += r.amount;
    else k.debits -= r.amount;
    byKind.set(r.kind, k);
    return {
      at: r.createdAt,
      kind: r.kind,
      description: r.description,
      reference: r.payoutNumber ?? r.subOrderNumber ?? null,
      credit: Math.max(r.amount, 0),
      debit: Math.max(-r.amount, 0),
      balance,
    };
  });
  const sumOf = (b: string) => buckets.find((x) => x.bucket === b)?.sum ?? 0;
  const credits = lines.reduce((a, l) => a + l.credit, 0);
  const debits = lines.reduce((a, l) => a + l.debit, 0);
  return {
    sellerId,
    shopName: shop.shopName,
    month,
    from,
    to,
    opening: opening!.sum,
    credits,
    debits,
    closing: opening!.sum + credits - debits,
    closingBuckets: {
      pending: sumOf("pending"),
      available: sumOf("available"),
      inPayout: sumOf("in_payout"),
    },
    byKind: [...byKind].map(([kind, v]) => ({ kind, ...v })),
    lines,
  };
}

/** The seller's own statement for a month. */
export async function getMyStatement(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof StatementInput>,
): Promise<StatementDto> {
  return buildStatement(deps.db, actor.sellerId, StatementInput.parse(raw).month);
}

/** Admin: any seller's statement. */
export async function adminGetStatement(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof AdminStatementInput>,
): Promise<StatementDto> {
  const input = AdminStatementInput.parse(raw);
  return buildStatement(deps.db, input.sellerId, input.month);
}
