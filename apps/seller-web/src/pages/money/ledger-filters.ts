// The ledger's filters live in the URL (?kind=sale&from=2026-03-01&to=2026-03-31), so a
// filtered view survives a reload and can be shared; dates are India calendar days.
import { istDateStart } from "@bazaar/client/format";
import { LedgerEntryKind } from "@bazaar/schemas";

export type LedgerFilters = { kind: LedgerEntryKind | ""; from: string; to: string };

const DAY_MS = 86_400_000;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(istDateStart(s).getTime());

/** The filters a URL names; anything unreadable is dropped rather than refused. */
export function readLedgerFilters(params: URLSearchParams): LedgerFilters {
  const kind = LedgerEntryKind.safeParse(params.get("kind") ?? undefined);
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return { kind: kind.success ? kind.data : "", from: isDate(from) ? from : "", to: isDate(to) ? to : "" };
}

export function ledgerFilterParams(f: LedgerFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.kind) params.set("kind", f.kind);
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  return params;
}

export type LedgerQuery = { kind?: LedgerEntryKind; from?: Date; to?: Date };

/**
 * The list's input: `from` is the first instant of that day in India, and `to` is included
 * whole, so the server gets the next day's first instant (its `to` is exclusive).
 */
export function ledgerQuery(
  f: LedgerFilters,
): { ok: true; input: LedgerQuery } | { ok: false; field: "to"; error: string } {
  if (f.from && f.to && f.to < f.from)
    return { ok: false, field: "to", error: "To must be on or after From" };
  const input: LedgerQuery = {};
  if (f.kind) input.kind = f.kind;
  if (f.from) input.from = istDateStart(f.from);
  if (f.to) input.to = new Date(istDateStart(f.to).getTime() + DAY_MS);
  return { ok: true, input };
}
