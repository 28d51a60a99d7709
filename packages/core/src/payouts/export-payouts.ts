import { payouts, sellers } from "@bazaar/db";
import { AdminPayoutsExportInput, type PayoutExportDto } from "@bazaar/schemas";
import { stringify } from "csv-stringify/sync";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { cellText } from "../ledger";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { decryptBankAccount } from "../sellers";

/**
 * Admin: approved payouts as a bank's bulk transfer file (CSV, one row per payout, amounts in
 * rupees), oldest first; these ids, or every approved payout. The full account number is
 * decrypted only here and only into the file. A payout whose shop changed its bank account
 * since the request (IFSC or last four digits differ from what was frozen on it) is left out
 * and listed, so money never goes to an account the seller did not ask for. Exporting moves
 * no money and no status (mark each paid with its UTR); it is audited.
 */
export async function exportPayouts(
  deps: Pick<Deps, "db" | "now" | "auth">,
  actor: Actor,
  raw: z.input<typeof AdminPayoutsExportInput>,
): Promise<PayoutExportDto> {
  const input = AdminPayoutsExportInput.parse(raw);
  const rows = await deps.db
    .select({
      payout: payouts,
      holder: sellers.bankAccountHolder,
      encrypted: sellers.bankAccountEncrypted,
      last4: sellers.bankAccountLast4,
      ifsc: sellers.bankIfsc,
    })
    .from(payouts)
    .innerJoin(sellers, eq(sellers.id, payouts.sellerId))
    .where(and(eq(payouts.status, "approved"), input.ids ? inArray(payouts.id, input.ids) : undefined))
    .orderBy(asc(payouts.approvedAt), asc(payouts.id));
  const skipped: PayoutExportDto["skipped"] = [];
  const records: string[][] = [];
  let total = 0;
  for (const r of rows) {
    const p = r.payout;
    if (r.last4 !== p.bank.last4 || r.ifsc !== p.bank.ifsc) {
      skipped.push({ id: p.id, number: p.number, reason: "The shop changed its bank account after asking" });
      continue;
    }
    const account = readableAccount(deps, r.encrypted);
    if (!account) {
      // A row the key cannot open (a rotated key, a hand-edited row) must not sink the whole file.
      skipped.push({
        id: p.id,
        number: p.number,
        reason: "The shop's bank account cannot be read; ask it to save it again",
      });
      continue;
    }
    total += p.amount;
    records.push([
      cellText(r.holder),
      account,
      r.ifsc,
      (p.amount / 100).toFixed(2),
      p.number,
      `Bazaar payout ${p.number}`,
    ]);
  }
  const csv = stringify(records, {
    header: true,
    columns: ["Beneficiary Name", "Account Number", "IFSC", "Amount (INR)", "Payment Reference", "Narration"],
    record_delimiter: "\r\n",
  });
  const day = new Date(deps.now().getTime() + 330 * 60_000).toISOString().slice(0, 10);
  await audit(deps.db, {
    actorId: actor.userId,
    action: "payout.exported",
    targetType: "payout",
    data: { count: records.length, total, payoutIds: rows.map((r) => r.payout.id), skipped: skipped.length },
  });
  return { filename: `bazaar-payouts-${day}.csv`, csv, count: records.length, total, skipped };
}

function readableAccount(deps: Pick<Deps, "auth">, encrypted: string): string | null {
  try {
    return decryptBankAccount(deps, encrypted);
  } catch {
    return null;
  }
}
