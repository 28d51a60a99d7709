import { ledgerEntries } from "@bazaar/db";
import { AdminLedgerListInput, type LedgerEntryDto, LedgerListInput, type Page } from "@bazaar/schemas";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { badCursor } from "../platform/pagination";
import { selectEntries, toEntryDto } from "./views";

type Filters = z.output<typeof LedgerListInput>;

// The cursor is the last entry's (createdAt, seq): entries of one instant keep their order.
const encode = (e: { createdAt: Date; seq: number }) =>
  Buffer.from(`${e.createdAt.toISOString()}|${e.seq}`).toString("base64url");
function decode(raw: string | undefined): { createdAt: Date; seq: number } | undefined {
  if (!raw) return undefined;
  const [iso, seq] = Buffer.from(raw, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  if (
    !iso ||
    !/^\d{4}-\d{2}-\d{2}T/.test(iso) ||
    Number.isNaN(createdAt.getTime()) ||
    !/^\d{1,15}$/.test(seq ?? "")
  )
    throw badCursor();
  if (createdAt.getUTCFullYear() < 2000 || createdAt.getUTCFullYear() > 2099) throw badCursor();
  return { createdAt, seq: Number(seq) };
}

async function listLedgerOf(
  deps: Pick<Deps, "db">,
  sellerId: string,
  f: Filters,
): Promise<Page<LedgerEntryDto>> {
  const after = decode(f.cursor);
  const where: (SQL | undefined)[] = [eq(ledgerEntries.sellerId, sellerId)];
  if (f.kind) where.push(eq(ledgerEntries.kind, f.kind));
  if (f.bucket) where.push(eq(ledgerEntries.bucket, f.bucket));
  if (f.from) where.push(gte(ledgerEntries.createdAt, f.from));
  if (f.to) where.push(lt(ledgerEntries.createdAt, f.to));
  if (after)
    where.push(
      or(
        lt(ledgerEntries.createdAt, after.createdAt),
        and(eq(ledgerEntries.createdAt, after.createdAt), lt(ledgerEntries.seq, after.seq)),
      ),
    );
  const rows = await selectEntries(deps.db, and(...where))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.seq))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items: items.map(toEntryDto), nextCursor: rows.length > f.limit && last ? encode(last) : null };
}

/** The seller's own ledger, newest first, filtered by kind, bucket and date. */
export async function listMyLedger(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof LedgerListInput>,
): Promise<Page<LedgerEntryDto>> {
  return listLedgerOf(deps, actor.sellerId, LedgerListInput.parse(raw));
}

/** Admin: any seller's ledger. */
export async function adminListLedger(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof AdminLedgerListInput>,
): Promise<Page<LedgerEntryDto>> {
  const { sellerId, ...f } = AdminLedgerListInput.parse(raw);
  return listLedgerOf(deps, sellerId, f);
}
