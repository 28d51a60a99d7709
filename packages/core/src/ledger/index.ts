// The seller ledger: what other domains and the package index may use.
//
// Decisions worth knowing:
// - Every paisa a seller earns or owes is an append-only entry in one of four buckets
//   (pending, available, in_payout, paid_out); seller_balances holds the sums, moved in the
//   same transaction as the entries (post-entries.ts) under the balance row's lock.
// - Every posting has an idempotency key (unique in the table): a repeated delivery, job or
//   retry writes nothing twice. Keys: sale|commission|gateway_fee|tcs:<subOrderId>,
//   return:<returnId>[:commission|:tcs], release:<subOrderId>:<bucket>,
//   payout:<id>:<bucket>, payout:<id>:paid|rejected:<bucket>, adjustment:<sellerId>:<key>.
// - Deductions at delivery and their share given back on returns: amounts.ts.
// - Pending money becomes available when the shop's return window closes after delivery
//   (a delayed job, and the sweep for lost jobs); a return after that claws back from
//   available, which may go negative and is carried into the next payout.
// - Statements are per month in India time; their balance is pending + available + in payout.

export { adjustBalance } from "./adjust-balance";
export { bpsOf, deliveryFigures, shareBack } from "./amounts";
export { FINANCE_SETTINGS_KEY, getFinanceSettings, readFinanceSettings } from "./finance-settings";
export { adminGetBalances, balancesOf, getMyBalances } from "./get-balances";
export { adminGetStatement, buildStatement, getMyStatement, monthBounds } from "./get-statement";
export { adminListLedger, listMyLedger } from "./list-ledger";
export { postDelivery, scheduleRelease } from "./post-delivery";
export { type EntryDraft, lockBalance, postEntries } from "./post-entries";
export { postReturnClawback } from "./post-return";
export { releaseDueFunds, releaseFunds } from "./release-funds";
export { cellText, inr, istDateTime, statementCsv, statementPdf } from "./render-statement";
export { setFinanceSettings } from "./set-finance-settings";
export { statementFile } from "./statement-file";
